// DeleteTopics (key 20), versions 0-1. v1 throttle.
import { array, field } from '../../wire/schema.ts';

export const request = [field('topicNames', array('string')), field('timeoutMs', 'int32')];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field('responses', array([field('name', 'string'), field('errorCode', 'int16')])),
];

export interface DeleteTopicsRequest {
  topicNames: string[];
  timeoutMs: number;
}

export interface DeleteTopicsResponse {
  responses: { name: string; errorCode: number }[];
}
