// Broker > flexible versions on the wire (the same sequence runs against Apache Kafka in differential.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { flexibleWire } from './scenarios/flexible-wire.ts';

const retentionBytes = (synonyms: boolean, configType: number) => ({
  name: 'retention.bytes',
  value: '-1',
  readOnly: false,
  configSource: 5,
  isSensitive: false,
  synonyms: synonyms ? [{ name: 'log.retention.bytes', value: '-1', source: 5 }] : [],
  configType,
  documentation: null,
});
const messageMaxBytes = (synonyms: boolean, configType: number) => ({
  name: 'message.max.bytes',
  value: '1048588',
  readOnly: false,
  configSource: 5,
  isSensitive: false,
  synonyms: synonyms ? [{ name: 'message.max.bytes', value: '1048588', source: 5 }] : [],
  configType,
  documentation: null,
});
const describeConfigs = (synonyms: boolean, version: number) => [
  { error: [0, ''], configs: [retentionBytes(synonyms, version >= 3 ? 5 : 0)] },
  { error: [3, ''], configs: [] },
  { error: [42, 'Unexpected broker id, expected 1 or empty string, but received 2'], configs: [] },
  { error: [0, ''], configs: [messageMaxBytes(synonyms, version >= 3 ? 3 : 0)] },
];
const partition = (partitionIndex: number) => ({
  errorCode: 0,
  partitionIndex,
  leaderId: 1,
  leaderEpoch: 0,
  replicaNodes: [1],
  isrNodes: [1],
  eligibleLeaderReplicas: [],
  lastKnownElr: [],
  offlineReplicas: [],
});
const emptyGroup = (groupState: string, groupType: string) => [
  { groupId: 'BASE-g', protocolType: '', groupState, groupType },
];

describe('Broker > flexible versions on the wire', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(() => broker.close());

  it('answers CreateTopics v4-6, DescribeConfigs v1-4, IncrementalAlterConfigs, ListGroups v3-5 and DescribeTopicPartitions as Kafka 4.4', async () => {
    expect(await flexibleWire(broker.brokers)).toEqual({
      createV4Defaults: [[0, null]],
      createV5Result: {
        errorCode: 0,
        numPartitions: 1,
        replicationFactor: 1,
        maxMessageBytes: {
          name: 'max.message.bytes',
          value: '1048588',
          readOnly: false,
          configSource: 5,
          isSensitive: false,
        },
      },
      createV6Existing: [[36, "Topic 'BASE-t' already exists."]],
      createV6ThreePartitions: [[0, 3]],
      describeConfigsV1: describeConfigs(true, 1),
      describeConfigsV3: describeConfigs(false, 3),
      describeConfigsV4: describeConfigs(true, 4),
      listGroupsV3: emptyGroup('', ''),
      listGroupsV4: emptyGroup('Empty', ''),
      listGroupsV4EmptyLowercase: emptyGroup('Empty', ''),
      listGroupsV4Stable: [],
      listGroupsV5Classic: emptyGroup('Empty', 'classic'),
      listGroupsV5Consumer: [],
      createNotANumber: [[40, 'Invalid value abc for configuration retention.bytes: Not a number of type LONG']],
      createBelowMinimum: [[40, 'Invalid value -5 for configuration max.message.bytes: Value must be at least 0']],
      createIntTooLarge: [
        [40, 'Invalid value 3000000000 for configuration max.message.bytes: Not a number of type INT'],
      ],
      createWithOverride: {
        name: 'retention.bytes',
        value: '1000',
        readOnly: false,
        configSource: 1,
        isSensitive: false,
      },
      alterV0Set: [[0, null]],
      afterSet: [
        ['max.message.bytes', '500000', 1, ['1:max.message.bytes=500000', '5:message.max.bytes=1048588']],
        ['retention.bytes', '2000', 1, ['1:retention.bytes=2000', '5:log.retention.bytes=-1']],
      ],
      alterV1ValidateOnly: [[0, null]],
      alterV1Delete: [[0, null]],
      afterDelete: [
        ['max.message.bytes', '500000', 1, ['1:max.message.bytes=500000', '5:message.max.bytes=1048588']],
        ['retention.bytes', '-1', 5, ['5:log.retention.bytes=-1']],
      ],
      alterUnknownTopic: [[3, "The topic 'BASE-missing' does not exist."]],
      alterUnknownName: [[40, 'Unknown topic config name: no.such.config']],
      alterAppendToLong: [[40, "Can't APPEND to key retention.bytes because its type is not LIST."]],
      alterBadValue: [[40, 'Invalid value x for configuration retention.bytes: Not a number of type LONG']],
      alterSameNameTwice: [[42, 'Error due to duplicate config keys']],
      describePartitionsPage1: {
        topics: [
          { errorCode: 3, name: 'MISSING', hasTopicId: false, isInternal: false, partitions: [] },
          {
            errorCode: 0,
            name: 'TOPIC',
            hasTopicId: true,
            isInternal: false,
            partitions: [partition(0), partition(1)],
          },
        ],
        nextCursor: { topicName: 'TOPIC', partitionIndex: 2 },
      },
      describePartitionsPage2: {
        topics: [{ errorCode: 0, name: 'TOPIC', hasTopicId: true, isInternal: false, partitions: [partition(2)] }],
        nextCursor: null,
      },
    });
  });
});
