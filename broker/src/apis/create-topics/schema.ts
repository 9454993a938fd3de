// CreateTopics (key 19), versions 0-6. v1 validate_only and error_message; v2 throttle; v3 = v2; v4 allows -1
// partitions and replication factor without assignments (KIP-464); v5 flexible, and the result carries the
// topic's partitions, replication factor and configs (KIP-525); v6 = v5. (v7 adds topic ids, which this
// broker does not have.)
import { array, field, nullableArray } from '../../wire/schema.ts';

/** The first flexible version. */
export const flexibleFrom = 5;

export const request = [
  field(
    'topics',
    array([
      field('name', 'string'),
      field('numPartitions', 'int32'),
      field('replicationFactor', 'int16'),
      field('assignments', array([field('partitionIndex', 'int32'), field('brokerIds', array('int32'))])),
      field('configs', array([field('name', 'string'), field('value', 'nullableString')])),
    ]),
  ),
  field('timeoutMs', 'int32'),
  field('validateOnly', 'boolean', '1+'),
];

export const response = [
  field('throttleTimeMs', 'int32', '2+'),
  field(
    'topics',
    array([
      field('name', 'string'),
      field('errorCode', 'int16'),
      field('errorMessage', 'nullableString', '1+'),
      field('numPartitions', 'int32', '5+', -1),
      field('replicationFactor', 'int16', '5+', -1),
      field(
        'configs',
        nullableArray([
          field('name', 'string'),
          field('value', 'nullableString'),
          field('readOnly', 'boolean'),
          field('configSource', 'int8'),
          field('isSensitive', 'boolean'),
        ]),
        '5+',
      ),
    ]),
  ),
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
  topics: {
    name: string;
    errorCode: number;
    errorMessage: string | null;
    numPartitions?: number;
    replicationFactor?: number;
    configs?:
      { name: string; value: string | null; readOnly: boolean; configSource: number; isSensitive: boolean }[] | null;
  }[];
}
