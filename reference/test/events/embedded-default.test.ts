import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll } from '../../src/platform/platform.ts';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import type { Database } from '../../src/shared/db/queryable.ts';
import { enqueueEvent } from '../../src/shared/outbox/enqueue.ts';
import { startEventSide, type EventSide } from '../../src/events/index.ts';
import { silentLogger } from './helpers/event-side-fixture.ts';
import { eventually } from './helpers/kafka-records.ts';

describe('events > startEventSide without brokers (the embedded default)', () => {
  let db: Database;
  let side: EventSide;
  const registry = new Registry();

  beforeAll(async () => {
    db = await createPgliteDatabase();
    await migrateAll(db);
    side = await startEventSide({
      db,
      logger: silentLogger,
      registry,
      sessionTimeoutMs: 10000,
      heartbeatIntervalMs: 500,
    });
    await side.ready();
  });
  afterAll(async () => {
    await side?.close();
    await db?.close();
  });

  it('starts the embedded broker when no brokers are given, and relays and consumes with the default handlers', async () => {
    expect(side.brokers).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+$/)]);
    await expect(side.readiness.check()).resolves.toBeUndefined();
    await db.transaction((tx) =>
      enqueueEvent(tx, {
        topic: 'posts.created',
        key: '77',
        type: 'dev.socialnet.posts.created.v1',
        source: '/socialnet/post-service',
        payload: {
          id: 77,
          user_id: 'author-1',
          description: 'embedded',
          media_url: '',
          tags: ['a', 'b'],
          created_at: '2026-11-25T00:00:00.000Z',
        },
      }),
    );
    side.notify();
    const row = await eventually(
      async () => (await db.query('SELECT * FROM feed.author_timeline WHERE post_id = 77')).rows[0],
      'the timeline row',
    );
    expect(row).toMatchObject({ author_id: 'author-1', snippet: 'embedded', tags: ['a', 'b'] });
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/events_processed_total\{group="feed-service",topic="posts.created"\} 1/);
    expect(metrics).toMatch(/events_consumer_up\{group="notification-service"\} 1/);
  });

  it('fails readiness once a consumer is stopped', async () => {
    await side.close();
    await expect(side.readiness.check()).rejects.toThrow(/consumer feed-service is not running/);
  });
});
