import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBroker, type BrokerHandle } from '@socialnet/broker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import type { Database } from '../../src/shared/db/queryable.ts';
import { withPostgres } from '../../../scripts/testing/infra.ts';
import { httpEffectScenarios } from './helpers/http-effect-scenarios.ts';
import { freshPostgresDatabase } from './helpers/postgres-database.ts';
import { eventually, freshNamespace } from './helpers/kafka-records.ts';
import { registerUser, startPlatformWithEvents, type PlatformWithEvents } from './helpers/platform-fixture.ts';

describe('events > HTTP effects > embedded broker', () => {
  let broker: BrokerHandle;
  beforeAll(async () => {
    broker = await startBroker({ port: 0, initialRebalanceDelayMs: 0 });
  });
  afterAll(async () => broker?.close());

  describe('effects and redelivery', () => httpEffectScenarios(() => [broker.brokers], () => createPgliteDatabase()));
});

function kafkaOutageScenario(openDb: () => Promise<Database>): void {
  let dataDir: string;
  let broker: BrokerHandle | undefined;
  let port: number;
  let db: Database;
  let env: PlatformWithEvents;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'events-outage-'));
    broker = await startBroker({ port: 0, dataDir, initialRebalanceDelayMs: 0 });
    port = broker.port;
    db = await openDb();
    env = await startPlatformWithEvents(db, [broker.brokers], freshNamespace());
  });
  afterAll(async () => {
    await env?.close();
    await db?.close();
    await broker?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 201 while Kafka is down, and the notification appears after Kafka returns', async () => {
    const [alice, bob] = [await registerUser(env.api), await registerUser(env.api)];
    const chat = await env.api('/chats', { token: alice.token, body: { name: 'outage', members: [bob.id] } });
    expect(chat.status).toBe(201);

    await broker!.close();
    broker = undefined;
    const sent = await env.api('/messages', { token: alice.token, body: { chat_id: chat.body.id, text: 'sent while Kafka is down' } });
    expect(sent.status).toBe(201);
    const unpublished = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.outbox WHERE published_at IS NULL');
    expect(unpublished.rows[0]!.n).toBeGreaterThan(0); // kept in the outbox, not lost

    broker = await startBroker({ port, dataDir, initialRebalanceDelayMs: 0 });
    const mine = async () =>
      ((await env.api('/notifications', { token: bob.token })).body.notifications as { meta?: { message_id?: number } }[]).filter(
        (n) => n.meta?.message_id === sent.body.id,
      );
    await eventually(async () => (await mine()).length > 0, 'the notification after Kafka returned', 60000);
    expect(await mine()).toHaveLength(1);
    await env.side.ready(60000);
  });
}

describe('events > HTTP effects > Kafka down during POST /api/messages', () => {
  describe('with PGlite', () => kafkaOutageScenario(() => createPgliteDatabase()));
  withPostgres('with PostgreSQL', (url) => kafkaOutageScenario(() => freshPostgresDatabase(url)));
});
