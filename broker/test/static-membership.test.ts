// Broker > KIP-345 static membership on the wire (the same sequence runs against Apache Kafka in differential.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { staticMembership } from './scenarios/static-membership.ts';

describe('Broker > static membership', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker({ initialRebalanceDelayMs: 0 });
  });
  afterAll(() => broker.close());

  it('joins, replaces, fences and removes static members as Kafka 4.4 does', async () => {
    expect(await staticMembership(broker.brokers)).toEqual({
      newInstanceJoins: [0, 1, true, 1, true],
      sync: 0,
      stable: ['Stable', 1],
      restartedInstanceRejoins: [0, 1, true, 0, true, 'range'],
      noRebalance: ['Stable', 1],
      heartbeatOldId: 82,
      heartbeatNewId: 0,
      heartbeatNewIdWithoutInstance: 0,
      heartbeatOldIdWithoutInstance: 25,
      assignmentKept: [0, 'A'],
      syncOldId: 82,
      joinWithOldId: 82,
      joinWithOtherInstance: 25,
      rejoinWithChangedMetadata: [0, 1, 0],
      stillStable: ['Stable', 1],
      leaveByInstance: [0, [0, 25]],
      empty: ['Empty', 0],
    });
  });
});
