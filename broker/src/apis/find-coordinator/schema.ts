// FindCoordinator (key 10), versions 0-2. v1 key_type (0 group, 1 transaction), throttle and error_message.
import { field } from '../../wire/schema.ts';

export const request = [field('key', 'string'), field('keyType', 'int8', '1+')];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field('errorCode', 'int16'),
  field('errorMessage', 'nullableString', '1+'),
  field('nodeId', 'int32', '0+', -1),
  field('host', 'string'),
  field('port', 'int32', '0+', -1),
];

export interface FindCoordinatorRequest {
  key: string;
  keyType: number;
}

export interface FindCoordinatorResponse {
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}
