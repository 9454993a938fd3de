// Per API: kafkajs arguments for a request (distinct values, so a misplaced field shows), what the broker
// must decode from them, a response the broker encodes, and what kafkajs must decode from that.
import { Long } from './kafkajs-protocol.ts';

export interface OracleCase {
  /** kafkajs module folder under src/protocol/requests. */
  module: string;
  requestArgs: unknown;
  /** A subset of the broker's decoded request. */
  decoded: (v: number) => object;
  response: (v: number) => object;
  /** A subset of what kafkajs decodes from the broker's response. */
  kafkajsSees: (v: number) => object;
}

const G = 'group-g';
const M = 'member-m';
const T = 'topic-t';
const buf = (s: string) => Buffer.from(s);

export const CASES: Record<string, OracleCase> = {
  Produce: {
    module: 'produce',
    requestArgs: {
      acks: -1,
      timeout: 3210,
      transactionalId: null,
      producerId: Long.fromInt(77),
      producerEpoch: 3,
      compression: 0,
      topicData: [
        {
          topic: T,
          partitions: [
            {
              partition: 2,
              firstSequence: 5,
              messages: [{ key: 'k', value: 'v', headers: { h: '1' }, timestamp: 1_700_000_000_000 }],
            },
          ],
        },
      ],
    },
    decoded: () => ({
      transactionalId: null,
      acks: -1,
      timeoutMs: 3210,
      topics: [{ name: T, partitions: [{ index: 2 }] }],
    }),
    response: () => ({
      responses: [{ name: T, partitions: [{ index: 2, errorCode: 0, baseOffset: 41, logStartOffset: 3 }] }],
    }),
    kafkajsSees: (v) => ({
      topics: [
        {
          topicName: T,
          partitions: [{ partition: 2, errorCode: 0, baseOffset: '41', ...(v >= 5 ? { logStartOffset: '3' } : {}) }],
        },
      ],
    }),
  },
  Fetch: {
    module: 'fetch',
    requestArgs: {
      replicaId: -1,
      maxWaitTime: 432,
      minBytes: 5,
      maxBytes: 6543,
      isolationLevel: 1,
      sessionId: 0,
      sessionEpoch: -1,
      rackId: 'rack',
      topics: [
        {
          topic: T,
          partitions: [
            { partition: 2, currentLeaderEpoch: -1, fetchOffset: '17', logStartOffset: '-1', maxBytes: 999 },
          ],
        },
      ],
    },
    decoded: (v) => ({
      maxWaitMs: 432,
      minBytes: 5,
      maxBytes: 6543,
      isolationLevel: 1,
      topics: [{ topic: T, partitions: [{ partition: 2, fetchOffset: 17, partitionMaxBytes: 999 }] }],
      ...(v >= 11 ? { rackId: 'rack' } : {}),
    }),
    response: () => ({
      errorCode: 0,
      responses: [
        {
          topic: T,
          partitions: [
            {
              partitionIndex: 2,
              errorCode: 0,
              highWatermark: 21,
              lastStableOffset: 20,
              logStartOffset: 4,
              abortedTransactions: null,
              records: [],
            },
          ],
        },
      ],
    }),
    kafkajsSees: (v) => ({
      responses: [
        {
          topicName: T,
          partitions: [
            {
              partition: 2,
              errorCode: 0,
              highWatermark: '21',
              lastStableOffset: '20',
              ...(v >= 5 ? { lastStartOffset: '4' } : {}),
              messages: [],
            },
          ],
        },
      ],
    }),
  },
  ListOffsets: {
    module: 'listOffsets',
    requestArgs: {
      replicaId: -1,
      isolationLevel: 1,
      topics: [{ topic: T, partitions: [{ partition: 2, timestamp: 1_600_000_000_000 }] }],
    },
    decoded: () => ({ topics: [{ name: T, partitions: [{ partitionIndex: 2, timestamp: 1_600_000_000_000 }] }] }),
    response: () => ({
      topics: [
        { name: T, partitions: [{ partitionIndex: 2, errorCode: 0, timestamp: 1_600_000_000_123, offset: 88 }] },
      ],
    }),
    kafkajsSees: () => ({
      responses: [{ topic: T, partitions: [{ partition: 2, errorCode: 0, timestamp: '1600000000123', offset: '88' }] }],
    }),
  },
  Metadata: {
    module: 'metadata',
    requestArgs: { topics: [T, 'other'], allowAutoTopicCreation: false },
    decoded: (v) => ({ topics: [{ name: T }, { name: 'other' }], allowAutoTopicCreation: v < 4 ? true : false }),
    response: () => ({
      brokers: [{ nodeId: 7, host: 'host-h', port: 9999, rack: null }],
      clusterId: 'cluster-c',
      controllerId: 7,
      topics: [
        {
          errorCode: 0,
          name: T,
          isInternal: false,
          partitions: [{ errorCode: 0, partitionIndex: 3, leaderId: 7, replicaNodes: [7], isrNodes: [7] }],
        },
      ],
    }),
    kafkajsSees: (v) => ({
      brokers: [{ nodeId: 7, host: 'host-h', port: 9999 }],
      ...(v >= 1 ? { controllerId: 7 } : {}),
      ...(v >= 2 ? { clusterId: 'cluster-c' } : {}),
      topicMetadata: [
        {
          topicErrorCode: 0,
          topic: T,
          partitionMetadata: [{ partitionErrorCode: 0, partitionId: 3, leader: 7, replicas: [7], isr: [7] }],
        },
      ],
    }),
  },
  OffsetCommit: {
    module: 'offsetCommit',
    requestArgs: {
      groupId: G,
      groupGenerationId: 11,
      memberId: M,
      retentionTime: -1,
      topics: [{ topic: T, partitions: [{ partition: 2, offset: '1234', metadata: 'md' }] }],
    },
    decoded: () => ({
      groupId: G,
      generationId: 11,
      memberId: M,
      topics: [{ name: T, partitions: [{ partitionIndex: 2, committedOffset: 1234, committedMetadata: 'md' }] }],
    }),
    response: () => ({ topics: [{ name: T, partitions: [{ partitionIndex: 2, errorCode: 22 }] }] }),
    kafkajsSees: () => ({ responses: [{ topic: T, partitions: [{ partition: 2, errorCode: 22 }] }] }),
  },
  OffsetFetch: {
    module: 'offsetFetch',
    requestArgs: { groupId: G, topics: [{ topic: T, partitions: [{ partition: 2 }, { partition: 5 }] }] },
    decoded: () => ({ groupId: G, topics: [{ name: T, partitionIndexes: [2, 5] }] }),
    response: () => ({
      errorCode: 0,
      topics: [{ name: T, partitions: [{ partitionIndex: 2, committedOffset: 99, metadata: 'md', errorCode: 0 }] }],
    }),
    kafkajsSees: () => ({
      responses: [{ topic: T, partitions: [{ partition: 2, offset: '99', metadata: 'md', errorCode: 0 }] }],
    }),
  },
  FindCoordinator: {
    module: 'findCoordinator',
    requestArgs: { groupId: G, coordinatorType: 1 },
    decoded: (v) => ({ key: G, keyType: v >= 1 ? 1 : 0 }),
    response: () => ({ errorCode: 0, errorMessage: null, nodeId: 7, host: 'host-h', port: 9999 }),
    kafkajsSees: () => ({ errorCode: 0, coordinator: { nodeId: 7, host: 'host-h', port: 9999 } }),
  },
  JoinGroup: {
    module: 'joinGroup',
    requestArgs: {
      groupId: G,
      sessionTimeout: 30_001,
      rebalanceTimeout: 60_002,
      memberId: M,
      groupInstanceId: null,
      protocolType: 'consumer',
      groupProtocols: [{ name: 'RoundRobinAssigner', metadata: buf('meta') }],
    },
    decoded: (v) => ({
      groupId: G,
      sessionTimeoutMs: 30_001,
      rebalanceTimeoutMs: v >= 1 ? 60_002 : -1,
      memberId: M,
      protocolType: 'consumer',
      protocols: [{ name: 'RoundRobinAssigner', metadata: buf('meta') }],
    }),
    response: () => ({
      errorCode: 0,
      generationId: 12,
      protocolName: 'RoundRobinAssigner',
      leader: 'leader-l',
      memberId: M,
      members: [{ memberId: M, groupInstanceId: null, metadata: buf('meta') }],
    }),
    kafkajsSees: () => ({
      errorCode: 0,
      generationId: 12,
      groupProtocol: 'RoundRobinAssigner',
      leaderId: 'leader-l',
      memberId: M,
      members: [{ memberId: M, memberMetadata: buf('meta') }],
    }),
  },
  Heartbeat: {
    module: 'heartbeat',
    requestArgs: { groupId: G, groupGenerationId: 11, memberId: M, groupInstanceId: null },
    decoded: () => ({ groupId: G, generationId: 11, memberId: M }),
    response: () => ({ errorCode: 0 }),
    kafkajsSees: () => ({ errorCode: 0 }),
  },
  LeaveGroup: {
    module: 'leaveGroup',
    requestArgs: { groupId: G, memberId: M, groupInstanceId: null },
    decoded: (v) =>
      v >= 3 ? { groupId: G, members: [{ memberId: M, groupInstanceId: null }] } : { groupId: G, memberId: M },
    response: () => ({ errorCode: 0, members: [{ memberId: M, groupInstanceId: null, errorCode: 0 }] }),
    kafkajsSees: (v) => ({
      errorCode: 0,
      ...(v >= 3 ? { members: [{ memberId: M, groupInstanceId: null, errorCode: 0 }] } : {}),
    }),
  },
  SyncGroup: {
    module: 'syncGroup',
    requestArgs: {
      groupId: G,
      generationId: 11,
      memberId: M,
      groupInstanceId: null,
      groupAssignment: [{ memberId: M, memberAssignment: buf('assign') }],
    },
    decoded: () => ({
      groupId: G,
      generationId: 11,
      memberId: M,
      assignments: [{ memberId: M, assignment: buf('assign') }],
    }),
    response: () => ({ errorCode: 0, assignment: buf('mine') }),
    kafkajsSees: () => ({ errorCode: 0, memberAssignment: buf('mine') }),
  },
  DescribeGroups: {
    module: 'describeGroups',
    requestArgs: { groupIds: [G, 'other'] },
    decoded: () => ({ groups: [G, 'other'] }),
    response: () => ({
      groups: [
        {
          errorCode: 0,
          groupId: G,
          groupState: 'Stable',
          protocolType: 'consumer',
          protocolData: 'RoundRobinAssigner',
          members: [
            {
              memberId: M,
              clientId: 'client-c',
              clientHost: '/127.0.0.1',
              memberMetadata: buf('meta'),
              memberAssignment: buf('assign'),
            },
          ],
        },
      ],
    }),
    kafkajsSees: () => ({
      groups: [
        {
          errorCode: 0,
          groupId: G,
          state: 'Stable',
          protocolType: 'consumer',
          protocol: 'RoundRobinAssigner',
          members: [
            {
              memberId: M,
              clientId: 'client-c',
              clientHost: '/127.0.0.1',
              memberMetadata: buf('meta'),
              memberAssignment: buf('assign'),
            },
          ],
        },
      ],
    }),
  },
  ListGroups: {
    module: 'listGroups',
    requestArgs: {},
    decoded: () => ({}),
    response: () => ({ errorCode: 0, groups: [{ groupId: G, protocolType: 'consumer' }] }),
    kafkajsSees: () => ({ errorCode: 0, groups: [{ groupId: G, protocolType: 'consumer' }] }),
  },
  DescribeConfigs: {
    module: 'describeConfigs',
    requestArgs: {
      resources: [
        { type: 2, name: T, configNames: ['retention.bytes'] },
        { type: 4, name: '1' },
      ],
      includeSynonyms: true,
    },
    decoded: () => ({
      resources: [
        { resourceType: 2, resourceName: T, configurationKeys: ['retention.bytes'] },
        { resourceType: 4, resourceName: '1', configurationKeys: null },
      ],
      includeSynonyms: true,
    }),
    response: () => ({
      results: [
        {
          errorCode: 0,
          errorMessage: null,
          resourceType: 2,
          resourceName: T,
          configs: [
            {
              name: 'retention.bytes',
              value: '1000',
              readOnly: false,
              configSource: 4,
              isSensitive: false,
              synonyms: [{ name: 'log.retention.bytes', value: '1000', source: 4 }],
            },
          ],
        },
      ],
    }),
    kafkajsSees: () => ({
      resources: [
        {
          errorCode: 0,
          resourceType: 2,
          resourceName: T,
          configEntries: [
            {
              configName: 'retention.bytes',
              configValue: '1000',
              readOnly: false,
              configSource: 4,
              isSensitive: false,
              configSynonyms: [{ configName: 'log.retention.bytes', configValue: '1000', configSource: 4 }],
            },
          ],
        },
      ],
    }),
  },
  ApiVersions: {
    module: 'apiVersions',
    requestArgs: {},
    decoded: () => ({}),
    response: () => ({
      errorCode: 0,
      apiKeys: [
        { apiKey: 0, minVersion: 3, maxVersion: 7 },
        { apiKey: 18, minVersion: 0, maxVersion: 3 },
      ],
    }),
    kafkajsSees: () => ({
      errorCode: 0,
      apiVersions: [
        { apiKey: 0, minVersion: 3, maxVersion: 7 },
        { apiKey: 18, minVersion: 0, maxVersion: 3 },
      ],
    }),
  },
  CreateTopics: {
    module: 'createTopics',
    requestArgs: {
      topics: [
        {
          topic: T,
          numPartitions: 3,
          replicationFactor: 1,
          replicaAssignment: [],
          configEntries: [{ name: 'cleanup.policy', value: 'delete' }],
        },
      ],
      validateOnly: true,
      timeout: 4321,
    },
    decoded: (v) => ({
      topics: [
        {
          name: T,
          numPartitions: 3,
          replicationFactor: 1,
          assignments: [],
          configs: [{ name: 'cleanup.policy', value: 'delete' }],
        },
      ],
      timeoutMs: 4321,
      validateOnly: v >= 1,
    }),
    response: () => ({ topics: [{ name: T, errorCode: 36, errorMessage: 'exists' }] }),
    kafkajsSees: (v) => ({ topicErrors: [{ topic: T, errorCode: 36, ...(v >= 1 ? { errorMessage: 'exists' } : {}) }] }),
  },
  DeleteTopics: {
    module: 'deleteTopics',
    requestArgs: { topics: [T, 'other'], timeout: 4321 },
    decoded: () => ({ topicNames: [T, 'other'], timeoutMs: 4321 }),
    response: () => ({ responses: [{ name: T, errorCode: 3 }] }),
    kafkajsSees: () => ({ topicErrors: [{ topic: T, errorCode: 3 }] }),
  },
  InitProducerId: {
    module: 'initProducerId',
    requestArgs: { transactionalId: null, transactionTimeout: 4321 },
    decoded: () => ({ transactionalId: null, transactionTimeoutMs: 4321 }),
    response: () => ({ errorCode: 0, producerId: 123_456_789_012, producerEpoch: 4 }),
    kafkajsSees: () => ({ errorCode: 0, producerId: '123456789012', producerEpoch: 4 }),
  },
  CreatePartitions: {
    module: 'createPartitions',
    requestArgs: { topicPartitions: [{ topic: T, count: 6 }], validateOnly: true, timeout: 4321 },
    decoded: () => ({ topics: [{ name: T, count: 6 }], validateOnly: true }),
    response: () => ({ results: [{ name: T, errorCode: 37, errorMessage: 'no' }] }),
    kafkajsSees: () => ({ topicErrors: [{ topic: T, errorCode: 37, errorMessage: 'no' }] }),
  },
  DeleteGroups: {
    module: 'deleteGroups',
    requestArgs: [G, 'other'],
    decoded: () => ({ groupsNames: [G, 'other'] }),
    response: () => ({ results: [{ groupId: G, errorCode: 68 }] }),
    kafkajsSees: () => ({ results: [{ groupId: G, errorCode: 68 }] }),
  },
};
