import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withKafka } from '../../../scripts/testing/infra.ts';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import type { Database } from '../../src/shared/db/queryable.ts';
import { enqueueEvent } from '../../src/shared/outbox/enqueue.ts';
import { createIdempotentProducer, createKafka } from '../../src/events/kafka-client.ts';
import { createEventMetrics } from '../../src/events/metrics.ts';
import { OutboxRelay } from '../../src/events/outbox/outbox-relay.ts';
import { prepareDatabase, silentLogger, testKafka } from './helpers/event-side-fixture.ts';
import { eventually, freshNamespace, readUntil, text } from './helpers/kafka-records.ts';

const unpublished = async (db: Database) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.outbox WHERE published_at IS NULL')).rows[0]!.n;

const enqueuePosts = (db: Database, ids: number[]) =>
  db.transaction(async (tx) => {
    const eventIds: string[] = [];
    for (const id of ids) {
      eventIds.push(
        await enqueueEvent(tx, {
          topic: 'posts.created',
          key: String(id),
          type: 'dev.socialnet.posts.created.v1',
          source: '/socialnet/post-service',
          payload: {
            id,
            user_id: 'u1',
            description: `post ${id}`,
            media_url: '',
            tags: null,
            created_at: '2026-11-25T00:00:00.000Z',
          },
        }),
      );
    }
    return eventIds;
  });

describe('events > outbox relay (SN-EVENTS-OUTBOX)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createPgliteDatabase();
    await prepareDatabase(db);
  });
  afterAll(async () => db?.close());

  it('keeps every row while Kafka is unreachable, counts the failures, and reports itself unhealthy', async () => {
    await enqueuePosts(db, [1, 2]);
    const metrics = createEventMetrics(new Registry());
    const producer = createIdempotentProducer(createKafka({ brokers: ['127.0.0.1:1'] })); // nothing listens there
    const relay = new OutboxRelay({ db, producer, metrics, logger: silentLogger, maxBackoffMs: 20 });
    relay.start();
    await eventually(async () => !relay.isHealthy(), 'the relay to report repeated failures');
    await relay.stop();
    expect(await unpublished(db)).toBe(2);
    expect((await metrics.outboxPublishFailures.get()).values[0]!.value).toBeGreaterThanOrEqual(5);
    expect((await metrics.outboxBacklog.get()).values[0]!.value).toBe(2);
    await db.query('DELETE FROM public.outbox');
  });

  withKafka('on real Kafka', (brokers) => {
    it('publishes rows in outbox order with the envelope, key = aggregate id, then marks them published', async () => {
      const ns = freshNamespace();
      const kafka = createKafka({ brokers: brokers.split(',') });
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: `${ns}posts.created`, numPartitions: 1 }], waitForLeaders: true });
      await admin.disconnect();
      const eventIds = await enqueuePosts(db, [10, 11, 12]);
      const producer = createIdempotentProducer(kafka);
      await producer.connect();
      const relay = new OutboxRelay({
        db,
        producer,
        metrics: createEventMetrics(new Registry()),
        logger: silentLogger,
        topicFor: (t) => `${ns}${t}`,
      });
      relay.start();
      relay.notify();
      await eventually(async () => (await unpublished(db)) === 0, 'every row published');
      await relay.stop();
      await producer.disconnect();

      const records = await readUntil(testKafka(brokers.split(',')), `${ns}posts.created`, (rs) => rs.length >= 3);
      expect(records.map((r) => text(r.message.headers, 'ce_id'))).toEqual(eventIds);
      expect(records.map((r) => r.message.key?.toString())).toEqual(['10', '11', '12']);
      const first = records[0]!.message;
      expect(JSON.parse(first.value!.toString())).toMatchObject({ id: 10, description: 'post 10' });
      expect({
        type: text(first.headers, 'ce_type'),
        source: text(first.headers, 'ce_source'),
        spec: text(first.headers, 'ce_specversion'),
        ct: text(first.headers, 'content-type'),
        subject: text(first.headers, 'ce_subject'),
      }).toEqual({
        type: 'dev.socialnet.posts.created.v1',
        source: '/socialnet/post-service',
        spec: '1.0',
        ct: 'application/json',
        subject: '10',
      });
      expect(Date.parse(text(first.headers, 'ce_time')!)).not.toBeNaN();
    });
  });
});
