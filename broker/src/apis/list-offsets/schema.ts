// ListOffsets (key 2), versions 1-3. v1 answers one (timestamp, offset) per partition; v2 adds
// isolation_level and puts throttle_time_ms first; v3 is identical to v2.
import { array, field } from '../../wire/schema.ts';

export const request = [
  field('replicaId', 'int32'),
  field('isolationLevel', 'int8', '2+'),
  field(
    'topics',
    array([
      field('name', 'string'),
      field('partitions', array([field('partitionIndex', 'int32'), field('timestamp', 'int64')])),
    ]),
  ),
];

export const response = [
  field('throttleTimeMs', 'int32', '2+'),
  field(
    'topics',
    array([
      field('name', 'string'),
      field(
        'partitions',
        array([
          field('partitionIndex', 'int32'),
          field('errorCode', 'int16'),
          field('timestamp', 'int64', '1+', -1),
          field('offset', 'int64', '1+', -1),
        ]),
      ),
    ]),
  ),
];

export interface ListOffsetsRequest {
  topics: { name: string; partitions: { partitionIndex: number; timestamp: number }[] }[];
}

export interface ListOffsetsPartition {
  partitionIndex: number;
  errorCode: number;
  timestamp: number;
  offset: number;
}

export interface ListOffsetsResponse {
  topics: { name: string; partitions: ListOffsetsPartition[] }[];
}
