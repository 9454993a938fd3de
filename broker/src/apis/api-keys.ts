// Kafka API keys by name (the subset this broker implements, plus the ones it knowingly declines).
export const API_KEYS = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  TxnOffsetCommit: 28,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
  IncrementalAlterConfigs: 44,
  ConsumerGroupHeartbeat: 68,
  ConsumerGroupDescribe: 69,
  DescribeTopicPartitions: 75,
} as const;

export type ApiName = keyof typeof API_KEYS;

const NAMES = new Map<number, ApiName>(Object.entries(API_KEYS).map(([n, k]) => [k, n as ApiName]));

export const apiNameOf = (key: number): ApiName | undefined => NAMES.get(key);
