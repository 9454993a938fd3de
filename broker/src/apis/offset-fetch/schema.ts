// OffsetFetch (key 9), versions 1-4. v2: topics may be null (= everything the group committed) and the
// response gains a top-level error_code at the end; v3 throttle first; v4 = v3.
import { array, field, nullableArray } from '../../wire/schema.ts';

const topic = [field('name', 'string'), field('partitionIndexes', array('int32'))];

export const request = [
  field('groupId', 'string'),
  field('topics', array(topic), '0-1'),
  field('topics', nullableArray(topic), '2+'),
];

export const response = [
  field('throttleTimeMs', 'int32', '3+'),
  field(
    'topics',
    array([
      field('name', 'string'),
      field(
        'partitions',
        array([
          field('partitionIndex', 'int32'),
          field('committedOffset', 'int64'),
          field('metadata', 'nullableString'),
          field('errorCode', 'int16'),
        ]),
      ),
    ]),
  ),
  field('errorCode', 'int16', '2+'),
];

export interface OffsetFetchRequest {
  groupId: string;
  topics: { name: string; partitionIndexes: number[] }[] | null;
}

export interface OffsetFetchPartition {
  partitionIndex: number;
  committedOffset: number;
  metadata: string | null;
  errorCode: number;
}

export interface OffsetFetchResponse {
  topics: { name: string; partitions: OffsetFetchPartition[] }[];
  errorCode: number;
}
