// The outbox table's trigger NOTIFYs at commit and the relay LISTENs, so an event leaves as soon as its transaction
// commits, not at the relay's next poll; a backing-off relay is not woken by new writes. A recording producer stands
// in for Kafka: what is under test is when the relay sends, not what Kafka does with it.
import type { Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { withPostgres } from '../../../scripts/testing/infra.ts';
import { createEventMetrics } from '../../src/events/metrics.ts';
import { OutboxRelay } from '../../src/events/outbox/outbox-relay.ts';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import type { Database } from '../../src/shared/db/queryable.ts';
import { enqueueEvent } from '../../src/shared/outbox/enqueue.ts';
import { prepareDatabase, silentLogger } from './helpers/event-side-fixture.ts';
import { eventually } from './helpers/kafka-records.ts';
import { freshPostgresDatabase } from '../../../scripts/testing/scratch-database.ts';

const POLL_NEVER = 600_000;

function recordingProducer(fail = false) {
  const sends: number[] = [];
  const producer = {
    async sendBatch() {
      sends.push(Date.now());
      if (fail) throw new Error('broker unreachable');
      return [];
    },
  } as unknown as Producer;
  return { producer, sends };
}

const enqueue = (db: Database, id: number) =>
  db.transaction((tx) =>
    enqueueEvent(tx, {
      topic: 'posts.created',
      key: String(id),
      type: 'dev.socialnet.posts.created.v1',
      source: '/socialnet/post-service',
      payload: { id },
    }),
  );

const idle = () => new Promise((resolve) => setTimeout(resolve, 300)); // the relay's first (empty) poll is over

function wakeupScenarios(open: () => Promise<Database>) {
  let db: Database | undefined;
  let relay: OutboxRelay | undefined;
  afterEach(async () => {
    await relay?.stop();
    await db?.close();
  });

  it('publishes a committed write at once although the relay would not poll for ten minutes', async () => {
    db = await open();
    const { producer, sends } = recordingProducer();
    relay = new OutboxRelay({
      db,
      producer,
      metrics: createEventMetrics(new Registry()),
      logger: silentLogger,
      idleIntervalMs: POLL_NEVER,
    });
    relay.start();
    await idle();
    expect(sends).toHaveLength(0);
    const committedAt = Date.now();
    await enqueue(db, 1);
    await eventually(async () => sends.length === 1, 'the relay to send the new row', 5000);
    expect(sends[0]! - committedAt).toBeLessThan(2000);
  });

  it('a rolled-back write wakes nobody, and a backing-off relay is not woken by new writes', async () => {
    db = await open();
    const { producer, sends } = recordingProducer(true);
    relay = new OutboxRelay({
      db,
      producer,
      metrics: createEventMetrics(new Registry()),
      logger: silentLogger,
      maxBackoffMs: POLL_NEVER,
      idleIntervalMs: POLL_NEVER,
    });
    relay.start();
    await idle();
    await db
      .transaction(async (tx) => {
        await enqueueEvent(tx, {
          topic: 'posts.created',
          key: '9',
          type: 'dev.socialnet.posts.created.v1',
          source: '/socialnet/post-service',
          payload: { id: 9 },
        });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await idle();
    expect(sends).toHaveLength(0);
    await enqueue(db, 2); // wakes the idle relay: the send fails, the relay backs off (100 ms, then 200 ms, ...)
    await eventually(async () => sends.length >= 1, 'the first attempt', 5000);
    for (let i = 3; i < 13; i++) await enqueue(db, i); // ten writes during the backoff
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(sends.length).toBeLessThanOrEqual(3); // attempts at 0, ~100 and ~300 ms, not one per write
  });
}

describe('events > outbox relay wake-up on commit (LISTEN/NOTIFY)', () => {
  describe('PGlite', () =>
    wakeupScenarios(async () => {
      const db = await createPgliteDatabase();
      await prepareDatabase(db);
      return db;
    }));
  withPostgres('PostgreSQL', (url) =>
    wakeupScenarios(async () => {
      const db = await freshPostgresDatabase(url);
      await prepareDatabase(db);
      return db;
    }),
  );
});
