// CreateTopics (key 19), versions 0-3. v1 validate_only and error_message; v2 throttle; v3 = v2.
import { array, field } from '../../wire/schema.ts';

export const request = [
  field('topics', array([
    field('name', 'string'),
    field('numPartitions', 'int32'),
    field('replicationFactor', 'int16'),
    field('assignments', array([field('partitionIndex', 'int32'), field('brokerIds', array('int32'))])),
    field('configs', array([field('name', 'string'), field('value', 'nullableString')])),
  ])),
  field('timeoutMs', 'int32'),
  field('validateOnly', 'boolean', '1+'),
];

export const response = [
  field('throttleTimeMs', 'int32', '2+'),
  field('topics', array([
    field('name', 'string'),
    field('errorCode', 'int16'),
    field('errorMessage', 'nullableString', '1+'),
  ])),
];

export interface CreatableTopic {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  assignments: { partitionIndex: number; brokerIds: number[] }[];
  configs: { name: string; value: string | null }[];
}

export interface CreateTopicsRequest {
  topics: CreatableTopic[];
  timeoutMs: number;
  validateOnly: boolean;
}

export interface CreateTopicsResponse {
  topics: { name: string; errorCode: number; errorMessage: string | null }[];
}
