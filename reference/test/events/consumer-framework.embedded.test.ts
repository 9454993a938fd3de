import { randomUUID } from 'node:crypto';
import { startBroker, type BrokerHandle } from '@socialnet/broker';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import type { Database } from '../../src/shared/db/queryable.ts';
import { consumerScenarios } from './helpers/consumer-scenarios.ts';
import {
  postHeaders,
  postPayload,
  prepareDatabase,
  produce,
  startTestEventSide,
  testKafka,
} from './helpers/event-side-fixture.ts';
import { eventually, freshNamespace } from './helpers/kafka-records.ts';
import { createEffectsTable, recordingHandler } from './helpers/recording-handler.ts';

describe('events > consumer framework > embedded broker', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker({ port: 0, initialRebalanceDelayMs: 0 });
  });
  afterAll(async () => broker?.close());

  describe('the consumer contract', () =>
    consumerScenarios(
      () => [broker.brokers],
      () => createPgliteDatabase(),
    ));

  describe('under injected faults', () => {
    let db: Database;
    let producer: Producer;
    let side: Awaited<ReturnType<typeof startTestEventSide>>;
    const ns = freshNamespace();
    const group = `${ns}feed-service`;
    let nextId = 1;

    beforeAll(async () => {
      db = await createPgliteDatabase();
      await prepareDatabase(db);
      await createEffectsTable(db);
      producer = testKafka([broker.brokers]).producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      side = await startTestEventSide({
        db,
        brokers: [broker.brokers],
        namespace: ns,
        relay: false,
        handlers: { 'feed-service': recordingHandler('feed-service'), 'notification-service': recordingHandler('n') },
      });
    });
    afterAll(async () => {
      await side?.close();
      await producer?.disconnect();
      await db?.close();
    });

    /** Sends `n` events, waits until each has exactly one effect, and checks no event has two. */
    async function streamAndCheck(n: number, duringStream?: () => void): Promise<void> {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const eventId = randomUUID();
        const id = nextId++;
        await produce(producer, `${ns}posts.created`, {
          key: `k${i % 5}`,
          value: JSON.stringify(postPayload(id)),
          headers: postHeaders(eventId),
        });
        ids.push(eventId);
        if (i === Math.floor(n / 2)) duringStream?.();
      }
      const counts = async () =>
        (
          await db.query<{ n: number; d: number }>(
            'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM events_test.effects WHERE event_id = ANY($1::uuid[])',
            [ids],
          )
        ).rows[0]!;
      await eventually(async () => (await counts()).d === n, `${n} events applied`);
      expect(await counts()).toEqual({ n, d: n });
    }

    const metric = async (name: string) => {
      const values = (await side.registry.getSingleMetric(name)!.get()).values;
      return values.filter((v) => !v.labels.group || v.labels.group === group).reduce((sum, v) => sum + v.value, 0);
    };

    it('retries failed offset commits (retriable errors) and loses or duplicates nothing', async () => {
      const before = await metric('events_commit_failures_total');
      broker.faults.failNext('OffsetCommit', 'COORDINATOR_NOT_AVAILABLE', { groupId: group, count: 3 });
      await streamAndCheck(40);
      expect(await metric('events_commit_failures_total')).toBeGreaterThanOrEqual(before + 3);
    });

    it('survives a commit refused because of a rebalance (redelivery is skipped by the inbox)', async () => {
      const before = await metric('events_duplicates_skipped_total');
      broker.faults.failNext('OffsetCommit', 'REBALANCE_IN_PROGRESS', { groupId: group, count: 1 });
      await streamAndCheck(40);
      expect(await metric('events_duplicates_skipped_total')).toBeGreaterThan(before); // the chunk whose commit was refused came back
    });

    it('survives connections dropped after the broker applied a commit and around fetches', async () => {
      broker.faults.dropConnection('OffsetCommit', 'after', { groupId: group, count: 2 });
      broker.faults.dropConnection('Fetch', 'after', { count: 2 });
      await streamAndCheck(40);
    });

    it('restarts a consumer that crashed on a non-retriable error; readiness fails until it is back', async () => {
      const crashes = await metric('events_consumer_crashes_total');
      broker.faults.failNext('Fetch', 'UNKNOWN_SERVER_ERROR', { count: 1_000_000 });
      await eventually(async () => (await metric('events_consumer_crashes_total')) > crashes, 'a consumer crash');
      await expect(side.readiness.check()).rejects.toThrow(/is not running/);
      broker.faults.clear();
      await side.ready();
      await streamAndCheck(10);
    });

    it('survives a forced rebalance mid-stream and an expired member', async () => {
      await streamAndCheck(40, () => broker.faults.forceRebalance(group));
      await streamAndCheck(20, () => broker.faults.expireMember(group));
      await side.ready();
    });
  });
});
