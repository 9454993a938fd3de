import type { Faults } from '@socialnet/broker';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/shared/db/queryable.ts';
import { testKafka } from './event-side-fixture.ts';
import { eventually, freshNamespace, readUntil, text } from './kafka-records.ts';
import { registerUser, startPlatformWithEvents, type PlatformWithEvents } from './platform-fixture.ts';

/**
 * The observable effects the AsyncAPI documents promise (x-effect), end to end over HTTP: POST /api/messages →
 * one notification per other member at GET /api/notifications; POST /api/posts → one entry in the author's feed.
 * A redelivered record (the exact bytes and headers, produced again) changes nothing.
 */
export interface EmbeddedBrokerControls {
  stop(): Promise<void>;
  restart(): Promise<void>;
  faults(): Faults;
}

export function httpEffectScenarios(
  brokers: () => string[],
  openDb: () => Promise<Database>,
  outage?: EmbeddedBrokerControls,
): void {
  let db: Database;
  let env: PlatformWithEvents;
  let kafka: Kafka;
  const ns = freshNamespace();

  beforeAll(async () => {
    db = await openDb();
    env = await startPlatformWithEvents(db, brokers(), ns);
    kafka = testKafka(brokers());
  });
  afterAll(async () => {
    await env?.close();
    await db?.close();
  });

  const notificationsFor = async (token: string, messageId: number) => {
    const { status, body } = await env.api('/notifications?limit=100', { token });
    expect(status).toBe(200);
    return (body.notifications as { kind: string; meta?: { message_id?: number } }[]).filter(
      (n) => n.kind === 'message' && n.meta?.message_id === messageId,
    );
  };

  /** Produces the record exactly as it is on the topic (key, value, headers) once more: a duplicate delivery. */
  const redeliver = async (topic: string, eventMatches: (value: Record<string, unknown>) => boolean) => {
    const records = await readUntil(kafka, `${ns}${topic}`, (rs) =>
      rs.some((r) => eventMatches(JSON.parse(r.message.value!.toString()))),
    );
    const original = records.find((r) => eventMatches(JSON.parse(r.message.value!.toString())))!;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: `${ns}${topic}`,
      messages: [{ key: original.message.key, value: original.message.value, headers: original.message.headers }],
    });
    await producer.disconnect();
    return text(original.message.headers, 'ce_id')!;
  };

  it("reports the event side in the services' /readyz", async () => {
    const response = await fetch(`${env.platform.services.notifications}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ checks: { events: 'ok' } });
  });

  it('POST /api/messages: one notification per other member, none for the sender, still one after a redelivery', async () => {
    const [alice, bob, carol] = [await registerUser(env.api), await registerUser(env.api), await registerUser(env.api)];
    const chat = await env.api('/chats', { token: alice.token, body: { name: 'events', members: [bob.id, carol.id] } });
    expect(chat.status).toBe(201);
    const sent = await env.api('/messages', {
      token: alice.token,
      body: { chat_id: chat.body.id, text: 'hello from alice' },
    });
    expect(sent.status).toBe(201);
    const messageId: number = sent.body.id;

    for (const user of [bob, carol]) {
      const found = await eventually(
        async () =>
          (await notificationsFor(user.token, messageId)).length > 0 && notificationsFor(user.token, messageId),
        'the notification',
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        kind: 'message',
        body: 'hello from alice',
        meta: { chat_id: chat.body.id, message_id: messageId, sender_id: alice.id },
      });
    }
    expect(await notificationsFor(alice.token, messageId)).toHaveLength(0);

    await redeliver('messages.created', (v) => v.message_id === messageId);
    const marker = await env.api('/messages', { token: alice.token, body: { chat_id: chat.body.id, text: 'marker' } });
    await eventually(
      async () => (await notificationsFor(bob.token, marker.body.id)).length === 1,
      'the marker notification',
    );
    expect(await notificationsFor(bob.token, messageId)).toHaveLength(1);
    expect(await notificationsFor(carol.token, messageId)).toHaveLength(1);
  });

  it("POST /api/posts: one entry in the author's feed, still one after a redelivery", async () => {
    const author = await registerUser(env.api);
    const created = await env.api('/posts', {
      token: author.token,
      body: { description: 'a post about events', tags: ['kafka'] },
    });
    expect(created.status).toBe(201);
    const entriesOf = async (postId: number) =>
      ((await env.api(`/users/${author.id}/feed?limit=100`)).body.items as { post_id: number }[]).filter(
        (e) => e.post_id === postId,
      );
    const entries = await eventually(
      async () => (await entriesOf(created.body.id)).length > 0 && entriesOf(created.body.id),
      'the feed entry',
    );
    expect(entries).toEqual([
      expect.objectContaining({
        post_id: created.body.id,
        author_id: author.id,
        snippet: 'a post about events',
        tags: ['kafka'],
      }),
    ]);

    await redeliver('posts.created', (v) => v.id === created.body.id);
    const marker = await env.api('/posts', { token: author.token, body: { description: 'marker' } });
    await eventually(async () => (await entriesOf(marker.body.id)).length === 1, 'the marker entry');
    expect(await entriesOf(created.body.id)).toHaveLength(1);
  });

  if (outage) {
    it('a redelivery after a forced rebalance (commit refused) still gives exactly one notification', async () => {
      const [alice, bob] = [await registerUser(env.api), await registerUser(env.api)];
      const chat = await env.api('/chats', { token: alice.token, body: { name: 'rebalance', members: [bob.id] } });
      const group = `${ns}notification-service`;
      const skipped = async () =>
        (await env.side.registry.getSingleMetric('events_duplicates_skipped_total')!.get()).values
          .filter((v) => v.labels.group === group)
          .reduce((sum, v) => sum + v.value, 0);
      const before = await skipped();
      outage.faults().failNext('OffsetCommit', 'REBALANCE_IN_PROGRESS', { groupId: group });
      const sent = await env.api('/messages', {
        token: alice.token,
        body: { chat_id: chat.body.id, text: 'across a rebalance' },
      });
      await eventually(async () => (await skipped()) > before, 'the redelivery skipped by the inbox');
      const marker = await env.api('/messages', {
        token: alice.token,
        body: { chat_id: chat.body.id, text: 'marker' },
      });
      await eventually(
        async () => (await notificationsFor(bob.token, marker.body.id)).length === 1,
        'the marker notification',
      );
      expect(await notificationsFor(bob.token, sent.body.id)).toHaveLength(1);
    });

    it('POST /api/messages answers 201 while Kafka is down, and the notification appears after Kafka returns', async () => {
      const [alice, bob] = [await registerUser(env.api), await registerUser(env.api)];
      const chat = await env.api('/chats', { token: alice.token, body: { name: 'outage', members: [bob.id] } });
      expect(chat.status).toBe(201);

      await outage.stop();
      const sent = await env.api('/messages', {
        token: alice.token,
        body: { chat_id: chat.body.id, text: 'sent while Kafka is down' },
      });
      expect(sent.status).toBe(201);
      const unpublished = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM public.outbox WHERE published_at IS NULL',
      );
      expect(unpublished.rows[0]!.n).toBeGreaterThan(0); // kept in the outbox, not lost

      await outage.restart();
      await eventually(
        async () => (await notificationsFor(bob.token, sent.body.id)).length > 0,
        'the notification after Kafka returned',
        60000,
      );
      expect(await notificationsFor(bob.token, sent.body.id)).toHaveLength(1);
      await env.side.ready(60000);
    });
  }
}
