// CreatePartitions (key 37), versions 0-1 (v1 = v0).
import { array, field, nullableArray } from '../../wire/schema.ts';

export const request = [
  field(
    'topics',
    array([
      field('name', 'string'),
      field('count', 'int32'),
      field('assignments', nullableArray([field('brokerIds', array('int32'))])),
    ]),
  ),
  field('timeoutMs', 'int32'),
  field('validateOnly', 'boolean'),
];

export const response = [
  field('throttleTimeMs', 'int32'),
  field(
    'results',
    array([field('name', 'string'), field('errorCode', 'int16'), field('errorMessage', 'nullableString')]),
  ),
];

export interface CreatePartitionsRequest {
  topics: { name: string; count: number }[];
  validateOnly: boolean;
}

export interface CreatePartitionsResponse {
  results: { name: string; errorCode: number; errorMessage: string | null }[];
}
