// Broker > a two-member rebalance driven on the wire (the same sequence runs against Apache Kafka in
// differential.test.ts, where it matched step for step).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { twoMemberRebalance } from './scenarios/two-member-rebalance.ts';

describe('Broker > two-member rebalance on the wire', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker({ initialRebalanceDelayMs: 0 });
  });
  afterAll(() => broker.close());

  it('goes through the join barrier, leader-only member list, held SyncGroup and LeaveGroup as Kafka does', async () => {
    expect(await twoMemberRebalance(broker.brokers)).toEqual({
      aFirstJoin: [0, 1, true, 1],
      aSync: 'a-all',
      stable: ['Stable', 'range', 1],
      preparing: ['PreparingRebalance', '', 2],
      aHeartbeatDuringRebalance: 27,
      secondGeneration: [2, 2, true],
      leaderKept: true,
      protocol: ['range', 'range'],
      leaderSeesMembers: ['A:A', 'B:B'],
      followerSeesMembers: 0,
      completing: ['CompletingRebalance', '', 2],
      assignments: ['a-half', 'b-half'],
      stableAgain: ['Stable', 'range', 2],
      leave: [0, [0]],
      aHeartbeatAfterLeave: 27,
      thirdGeneration: [0, true, 1],
    });
  });
});
