// Broker > kafkajs scenarios against the embedded broker (the same scenarios run against Apache Kafka
// in differential.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { FAST } from './helpers.ts';
import { adminErrors } from './scenarios/admin-errors.ts';
import { committedOffsets } from './scenarios/committed-offsets.ts';
import type { ScenarioEnv } from './scenarios/env.ts';
import { groupCrash } from './scenarios/group-crash.ts';
import { groupRebalance } from './scenarios/group-rebalance.ts';
import { idempotentProducer } from './scenarios/idempotent-producer.ts';
import { offsetManagement } from './scenarios/offset-management.ts';
import { produceConsume } from './scenarios/produce-consume.ts';

let broker: BrokerHandle;
let env: ScenarioEnv;

beforeAll(async () => {
  broker = await startBroker({ minSessionTimeoutMs: 500, initialRebalanceDelayMs: 0 });
  env = { brokers: broker.brokers, timing: FAST };
});
afterAll(() => broker.close());

const isPartitionSplit = (a: number[], b: number[], total: number) =>
  new Set([...a, ...b]).size === total && a.length + b.length === total && a.length > 0 && b.length > 0;

describe('Broker > kafkajs scenarios', () => {
  it('delivers keys, values and headers across partitions with contiguous offsets', async () => {
    const r = await produceConsume(env);
    const all = Object.values(r.partitions).flat();
    expect(all).toHaveLength(30);
    for (const [p, msgs] of Object.entries(r.partitions)) {
      expect(msgs.map((m) => m.offset)).toEqual(msgs.map((_, i) => i));
      expect(r.highWatermarks[Number(p)]).toBe(msgs.length);
    }
    const keyPartition = new Map<string, number>();
    for (const [p, msgs] of Object.entries(r.partitions)) {
      for (const m of msgs) {
        const seq = Number(m.headers.seq);
        expect(m.value).toBe(`value-${seq}`);
        expect(m.headers['content-type']).toBe('text/plain');
        if (m.key === null) continue;
        expect(keyPartition.get(m.key) ?? Number(p)).toBe(Number(p));
        keyPartition.set(m.key, Number(p));
      }
    }
    expect(keyPartition.size).toBe(8);
  });

  it('splits partitions between two members and gives all to the one left after a LeaveGroup', async () => {
    const r = await groupRebalance(env);
    expect(isPartitionSplit(r.split[0], r.split[1], 4)).toBe(true);
    expect(r.afterLeave).toEqual([0, 1, 2, 3]);
  });

  it("reassigns a crashed member's partitions once its session expires", async () => {
    const r = await groupCrash(env);
    expect(isPartitionSplit(r.split[0], r.split[1], 4)).toBe(true);
    expect(r.afterCrash).toEqual([0, 1, 2, 3]);
  });

  it('starts a restarted consumer at the committed offsets', async () => {
    const r = await committedOffsets(env);
    expect(r.firstRun).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.committedAfterFirst).toEqual([10]);
    expect(r.secondRun).toEqual([10, 11, 12, 13, 14]);
    expect(r.committedAfterSecond).toEqual([15]);
  });

  it('serves an idempotent producer', async () => {
    const r = await idempotentProducer(env);
    expect(r.baseOffsets).toEqual([0, 0, 2, 2]);
    expect(r.highWatermarks).toEqual([4, 4]);
  });

  it("resolves offsets by timestamp and lets admin set and reset an idle group's offsets", async () => {
    const r = await offsetManagement(env);
    expect(r).toEqual({
      byTimestamp: [{ partition: 0, offset: '5' }],
      afterSetOffsets: [7, 8, 9],
      committedAfterReset: ['-2'],
    });
  });

  it('answers admin operations and their errors as Kafka does', async () => {
    const r = await adminErrors(env);
    expect(r).toEqual({
      createdFirst: true,
      createdAgain: false,
      listedAfterCreate: true,
      invalidName: 'INVALID_TOPIC_EXCEPTION',
      tooManyReplicas: 'INVALID_REPLICATION_FACTOR',
      zeroPartitions: 'INVALID_PARTITIONS',
      shrinkPartitions: 'INVALID_PARTITIONS',
      partitionsAfterGrow: 3,
      deleteUnknown: 'UNKNOWN_TOPIC_OR_PARTITION',
      groupStateWhileMember: 'Stable',
      deleteNonEmptyGroup: 'NON_EMPTY_GROUP',
      groupListed: true,
      groupStateAfterLeave: 'Empty',
      deleteEmptyGroup: 'no error',
      unknownGroupState: 'Dead',
      listedAfterDelete: false,
    });
  });
});
