// OffsetCommit (key 8), versions 2-5. v1 generation_id and member_id; v2-4 retention_time_ms;
// v3 throttle first; v5 drops retention_time_ms. No top-level error: each partition carries it.
import { array, field } from '../../wire/schema.ts';

export const request = [
  field('groupId', 'string'),
  field('generationId', 'int32', '1+', -1),
  field('memberId', 'string', '1+'),
  field('retentionTimeMs', 'int64', '2-4', -1),
  field(
    'topics',
    array([
      field('name', 'string'),
      field(
        'partitions',
        array([
          field('partitionIndex', 'int32'),
          field('committedOffset', 'int64'),
          field('committedMetadata', 'nullableString'),
        ]),
      ),
    ]),
  ),
];

export const response = [
  field('throttleTimeMs', 'int32', '3+'),
  field(
    'topics',
    array([
      field('name', 'string'),
      field('partitions', array([field('partitionIndex', 'int32'), field('errorCode', 'int16')])),
    ]),
  ),
];

export interface OffsetCommitRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  topics: {
    name: string;
    partitions: { partitionIndex: number; committedOffset: number; committedMetadata: string | null }[];
  }[];
}

export interface OffsetCommitResponse {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}
