// DescribeTopicPartitions (key 75, KIP-966), version 0, flexible. The Java admin client's describeTopics
// (kafka-topics --describe) prefers it to Metadata: it carries topic ids and the eligible leader replicas.
import { array, field, nullableArray, nullableStruct } from '../../wire/schema.ts';

const cursor = nullableStruct([field('topicName', 'string'), field('partitionIndex', 'int32')]);

/** The first flexible version. */
export const flexibleFrom = 0;

export const request = [
  field('topics', array([field('name', 'string')])),
  field('responsePartitionLimit', 'int32', '0+', 2000),
  field('cursor', cursor),
];

export const response = [
  field('throttleTimeMs', 'int32'),
  field(
    'topics',
    array([
      field('errorCode', 'int16'),
      field('name', 'nullableString'),
      field('topicId', 'uuid'),
      field('isInternal', 'boolean'),
      field(
        'partitions',
        array([
          field('errorCode', 'int16'),
          field('partitionIndex', 'int32'),
          field('leaderId', 'int32'),
          field('leaderEpoch', 'int32', '0+', -1),
          field('replicaNodes', array('int32')),
          field('isrNodes', array('int32')),
          field('eligibleLeaderReplicas', nullableArray('int32')),
          field('lastKnownElr', nullableArray('int32')),
          field('offlineReplicas', array('int32')),
        ]),
      ),
      field('topicAuthorizedOperations', 'int32', '0+', -2147483648),
    ]),
  ),
  field('nextCursor', cursor),
];

export interface Cursor {
  topicName: string;
  partitionIndex: number;
}

export interface DescribeTopicPartitionsRequest {
  topics: { name: string }[];
  responsePartitionLimit: number;
  cursor: Cursor | null;
}

export interface DescribedPartition {
  errorCode: number;
  partitionIndex: number;
  leaderId: number;
  leaderEpoch: number;
  replicaNodes: number[];
  isrNodes: number[];
  eligibleLeaderReplicas: number[] | null;
  lastKnownElr: number[] | null;
  offlineReplicas: number[];
}

export interface DescribedTopic {
  errorCode: number;
  name: string | null;
  topicId: Buffer;
  isInternal: boolean;
  partitions: DescribedPartition[];
}

export interface DescribeTopicPartitionsResponse {
  topics: DescribedTopic[];
  nextCursor: Cursor | null;
}
