// Fetch (key 1), versions 4-11.
//   v4 isolation_level, last_stable_offset, aborted_transactions; v5 log_start_offset; v7 fetch sessions
//   (session_id/epoch, forgotten topics, top-level error); v9 current_leader_epoch; v11 rack_id, preferred_read_replica.
import { array, field, nullableArray } from '../../wire/schema.ts';

export const request = [
  field('replicaId', 'int32'),
  field('maxWaitMs', 'int32'),
  field('minBytes', 'int32'),
  field('maxBytes', 'int32', '3+', 0x7fffffff),
  field('isolationLevel', 'int8', '4+'),
  field('sessionId', 'int32', '7+'),
  field('sessionEpoch', 'int32', '7+', -1),
  field(
    'topics',
    array([
      field('topic', 'string'),
      field(
        'partitions',
        array([
          field('partition', 'int32'),
          field('currentLeaderEpoch', 'int32', '9+', -1),
          field('fetchOffset', 'int64'),
          field('logStartOffset', 'int64', '5+', -1),
          field('partitionMaxBytes', 'int32'),
        ]),
      ),
    ]),
  ),
  field('forgottenTopicsData', array([field('topic', 'string'), field('partitions', array('int32'))]), '7+'),
  field('rackId', 'string', '11+'),
];

export const response = [
  field('throttleTimeMs', 'int32', '1+'),
  field('errorCode', 'int16', '7+'),
  field('sessionId', 'int32', '7+'),
  field(
    'responses',
    array([
      field('topic', 'string'),
      field(
        'partitions',
        array([
          field('partitionIndex', 'int32'),
          field('errorCode', 'int16'),
          field('highWatermark', 'int64'),
          field('lastStableOffset', 'int64', '4+', -1),
          field('logStartOffset', 'int64', '5+', -1),
          field(
            'abortedTransactions',
            nullableArray([field('producerId', 'int64'), field('firstOffset', 'int64')]),
            '4+',
          ),
          field('preferredReadReplica', 'int32', '11+', -1),
          field('records', 'nullableBytes'),
        ]),
      ),
    ]),
  ),
];

export interface FetchPartitionRequest {
  partition: number;
  fetchOffset: number;
  partitionMaxBytes: number;
}

export interface FetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  isolationLevel: number;
  topics: { topic: string; partitions: FetchPartitionRequest[] }[];
}

export interface FetchPartitionResponse {
  partitionIndex: number;
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  abortedTransactions: [] | null;
  records: Buffer[] | null;
}

export interface FetchResponse {
  errorCode: number;
  responses: { topic: string; partitions: FetchPartitionResponse[] }[];
}
