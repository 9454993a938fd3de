// Broker > group protocol errors on the wire (the same sequence runs against Apache Kafka in differential.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { groupProtocolErrors } from './scenarios/group-protocol-errors.ts';

const EXPECTED_GROUP_ERRORS = {
  joinWithoutId: { errorCode: 79, generationId: -1, gotId: true },
  joinWithId: { errorCode: 0, generationId: 1, leaderIsSelf: true, members: 1, protocol: 'range' },
  syncWrongGeneration: 22,
  syncUnknownMember: 25,
  heartbeatBeforeSync: 0,
  commitWhileCompletingRebalance: 27,
  sync: 0,
  heartbeat: 0,
  heartbeatWrongGeneration: 22,
  heartbeatUnknownMember: 25,
  commitWrongGeneration: 22,
  commitUnknownMember: 25,
  commitUnknownPartition: 3,
  commit: 0,
  badSessionTimeout: 26,
  otherProtocolType: 23,
  unknownMemberJoin: 25,
  leave: { errorCode: 0, members: [0, 25] },
  heartbeatAfterLeave: 25,
  simpleCommitOnEmptyGroup: 0,
  nullMetadataCommit: 0,
  offsetFetchAll: [
    [0, 9, 'm'],
    [1, 4, ''],
  ],
  offsetFetch: [[[9, 'm', 0]]],
  fetchOutOfRange: 1,
  listOffsetsUnknownPartition: 3,
  heartbeatEmptyGroupId: 24,
  syncEmptyGroupId: 24,
  leaveEmptyGroupId: [24, 0],
  listOffsetsDuplicatePartition: [42],
  metadataUnknownTopic: 3,
};

describe('Broker > group protocol errors', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker({ initialRebalanceDelayMs: 0 });
  });
  afterAll(() => broker.close());

  it('answers each misuse with the code Kafka uses', async () => {
    expect(await groupProtocolErrors(broker.brokers)).toEqual(EXPECTED_GROUP_ERRORS);
  });
});
