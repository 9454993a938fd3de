import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/shared/db/queryable.ts';
import { replayDeadLetters } from '../../../src/events/replay/replay-dead-letters.ts';
import { eventually, freshNamespace, readUntil, text } from './kafka-records.ts';
import {
  postHeaders,
  postPayload,
  prepareDatabase,
  produce,
  startTestEventSide,
  testKafka,
} from './event-side-fixture.ts';
import { createEffectsTable, effectCount, recordingHandler } from './recording-handler.ts';

type Side = Awaited<ReturnType<typeof startTestEventSide>>;

/**
 * The consumer contract (SN-EVENTS-CONSUMER-IDEMPOTENT, -DLQ, -RETRY, -COMMIT-AFTER-EFFECT) against one broker,
 * with the feed-service group's topology and a recording effect. Shared by the real-Kafka and embedded-broker suites.
 */
export function consumerScenarios(brokers: () => string[], openDb: () => Promise<Database>): void {
  let db: Database;
  let kafka: Kafka;
  let producer: Producer;
  let side: Side;
  let ns: string;
  const handler = recordingHandler('feed-service');
  const start = () =>
    startTestEventSide({
      db,
      brokers: brokers(),
      namespace: ns,
      relay: false,
      handlers: { 'feed-service': handler, 'notification-service': recordingHandler('n') },
    });
  const topic = () => `${ns}posts.created`;
  const dlq = () => `${ns}feed-service.posts.created.dlq`;
  let nextId = 1;
  const sendPost = async (description = 'hello', eventId = randomUUID(), key?: string) => {
    const id = nextId++;
    const at = await produce(producer, topic(), {
      key: key ?? String(id),
      value: JSON.stringify(postPayload(id, description)),
      headers: postHeaders(eventId),
    });
    return { eventId, ...at };
  };

  beforeAll(async () => {
    db = await openDb();
    await prepareDatabase(db);
    await createEffectsTable(db);
    ns = freshNamespace();
    kafka = testKafka(brokers());
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    side = await start();
  });

  afterAll(async () => {
    await side?.close();
    await producer?.disconnect();
    await db?.close();
  });

  it('applies a duplicated event (same envelope produced twice) exactly once', async () => {
    const eventId = randomUUID();
    await sendPost('dup', eventId, 'dup-key');
    await sendPost('dup', eventId, 'dup-key');
    const marker = await sendPost('marker', randomUUID(), 'dup-key'); // same partition, after both copies
    await eventually(async () => (await effectCount(db, marker.eventId)) === 1, 'the marker event');
    expect(await effectCount(db, eventId)).toBe(1);
    expect(await side.registry.getSingleMetricAsString('events_duplicates_skipped_total')).toMatch(/} [1-9]/);
  });

  it('dead-letters an undecodable record with its original bytes and headers, and applies the next good one', async () => {
    const poison = Buffer.from([0xff, 0xfe, 0x7b, 0x00]);
    const poisonId = randomUUID();
    const at = await produce(producer, topic(), { key: 'poison-key', value: poison, headers: postHeaders(poisonId) });
    const good = await sendPost('after poison', randomUUID(), 'poison-key');
    await eventually(async () => (await effectCount(db, good.eventId)) === 1, 'the good event after the poison one');

    const record = (
      await readUntil(kafka, dlq(), (rs) => rs.some((r) => text(r.message.headers, 'ce_id') === poisonId))
    ).find((r) => text(r.message.headers, 'ce_id') === poisonId)!;
    expect(record.message.value).toEqual(poison);
    expect(record.message.key?.toString()).toBe('poison-key');
    expect(record.partition).toBe(at.partition);
    const h = (name: string) => text(record.message.headers, name);
    expect({
      topic: h('dlq-original-topic'),
      partition: h('dlq-original-partition'),
      offset: h('dlq-original-offset'),
      group: h('dlq-consumer-group'),
      reason: h('dlq-reason'),
      attempts: h('dlq-attempts'),
      errorClass: h('dlq-error-class'),
      ceType: h('ce_type'),
    }).toEqual({
      topic: topic(),
      partition: String(at.partition),
      offset: at.offset,
      group: `${ns}feed-service`,
      reason: 'undecodable',
      attempts: '1',
      errorClass: 'DecodeError',
      ceType: 'dev.socialnet.posts.created.v1',
    });
    expect(h('dlq-original-timestamp')).toMatch(/^[1-9][0-9]{12}$/);
    expect(new Date(h('dlq-failed-at')!).toISOString()).toBe(h('dlq-failed-at'));
    expect(h('dlq-error-message')).toMatch(/not UTF-8 JSON/);
  });

  it('dead-letters records without an envelope and with a schema-invalid payload, by reason', async () => {
    const bare = await produce(producer, topic(), { key: '900', value: JSON.stringify(postPayload(900)) }); // the original's shape: no headers
    const invalidId = randomUUID();
    await produce(producer, topic(), {
      key: '901',
      value: JSON.stringify({ id: 'not-a-number' }),
      headers: postHeaders(invalidId),
    });
    const records = await readUntil(
      kafka,
      dlq(),
      (rs) =>
        rs.some((r) => text(r.message.headers, 'ce_id') === invalidId) &&
        rs.some(
          (r) => text(r.message.headers, 'dlq-original-offset') === bare.offset && r.message.key?.toString() === '900',
        ),
    );
    const reasonOf = (pred: (r: (typeof records)[number]) => boolean) =>
      text(records.find(pred)!.message.headers, 'dlq-reason');
    expect(reasonOf((r) => r.message.key?.toString() === '900')).toBe('envelope-invalid');
    expect(reasonOf((r) => text(r.message.headers, 'ce_id') === invalidId)).toBe('schema-invalid');
  });

  it('retries a transient failure through the retry topics and applies it once', async () => {
    const { eventId } = await sendPost('fail-twice');
    await eventually(async () => (await effectCount(db, eventId)) === 1, 'the event after its retries');
    const retried = await readUntil(kafka, `${ns}feed-service.posts.created.retry.1`, (rs) =>
      rs.some((r) => text(r.message.headers, 'ce_id') === eventId),
    );
    const hop = retried.find((r) => text(r.message.headers, 'ce_id') === eventId)!;
    expect(text(hop.message.headers, 'retry-attempt')).toBe('1');
    expect(text(hop.message.headers, 'retry-original-topic')).toBe(topic());
    expect(text(hop.message.headers, 'retry-error-class')).toBe('TransientEffectError');
    expect(Number(text(hop.message.headers, 'retry-not-before'))).toBeGreaterThan(Number(hop.message.timestamp) - 1000);
  });

  it('dead-letters an event that fails every retry (retries-exhausted, attempts 4, original coordinates)', async () => {
    const sent = await sendPost('fail-always');
    const records = await readUntil(kafka, dlq(), (rs) =>
      rs.some((r) => text(r.message.headers, 'ce_id') === sent.eventId),
    );
    const dead = records.find((r) => text(r.message.headers, 'ce_id') === sent.eventId)!;
    expect(text(dead.message.headers, 'dlq-reason')).toBe('retries-exhausted');
    expect(text(dead.message.headers, 'dlq-attempts')).toBe('4');
    expect(text(dead.message.headers, 'dlq-original-topic')).toBe(topic());
    expect(text(dead.message.headers, 'dlq-original-offset')).toBe(sent.offset);
    expect(Object.keys(dead.message.headers ?? {}).filter((k) => k.startsWith('retry-'))).toEqual([]);
    expect(await effectCount(db, sent.eventId)).toBe(0);
  });

  it('dead-letters a non-retryable failure at once', async () => {
    const sent = await sendPost('fail-permanent');
    const records = await readUntil(kafka, dlq(), (rs) =>
      rs.some((r) => text(r.message.headers, 'ce_id') === sent.eventId),
    );
    const dead = records.find((r) => text(r.message.headers, 'ce_id') === sent.eventId)!;
    expect([text(dead.message.headers, 'dlq-reason'), text(dead.message.headers, 'dlq-attempts')]).toEqual([
      'non-retryable',
      '1',
    ]);
  });

  it('replays a chosen dead letter to the original topic after the fix: applied once, with the same ce_id', async () => {
    const sent = await sendPost('fail-until-fixed');
    const bystander = await sendPost('fail-until-fixed');
    await readUntil(kafka, dlq(), (rs) =>
      [sent, bystander].every((s) => rs.some((r) => text(r.message.headers, 'ce_id') === s.eventId)),
    );
    handler.fixed = true;
    const replayed = await replayDeadLetters(kafka, dlq(), { eventIds: [sent.eventId] });
    expect(replayed).toEqual([
      expect.objectContaining({ to: topic(), eventId: sent.eventId, reason: 'retries-exhausted' }),
    ]);
    await eventually(async () => (await effectCount(db, sent.eventId)) === 1, 'the replayed event');

    const copies = await readUntil(
      kafka,
      topic(),
      (rs) => rs.filter((r) => text(r.message.headers, 'ce_id') === sent.eventId).length === 2,
    );
    const copy = copies.filter((r) => text(r.message.headers, 'ce_id') === sent.eventId)[1]!;
    expect(copy.partition).toBe(sent.partition);
    expect(text(copy.message.headers, 'dlq-replayed-from')).toBe(replayed[0]!.from);
    expect(Object.keys(copy.message.headers!).filter((k) => /^(dlq|retry)-/.test(k))).toEqual(['dlq-replayed-from']);
    expect(await effectCount(db, bystander.eventId)).toBe(0); // not chosen, not replayed
  });

  it('loses and duplicates nothing across a restart mid-stream and a rebalance between two members', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await sendPost(`stream ${i}`, randomUUID(), `k${i % 7}`)).eventId);
    await side.close(); // graceful: finishes the chunk in flight, commits, leaves
    const second = await start(); // joins alone, then the first comes back: a rebalance mid-stream
    for (let i = 60; i < 120; i++) ids.push((await sendPost(`stream ${i}`, randomUUID(), `k${i % 7}`)).eventId);
    side = await start();
    for (let i = 120; i < 150; i++) ids.push((await sendPost(`stream ${i}`, randomUUID(), `k${i % 7}`)).eventId);
    await second.close(); // and leaves again: its partitions move back
    await eventually(async () => {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(DISTINCT event_id)::int AS n FROM events_test.effects WHERE event_id = ANY($1::uuid[])',
        [ids],
      );
      return rows[0]!.n === ids.length;
    }, 'all 150 events applied');
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events_test.effects WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    expect(rows[0]!.n).toBe(150);
  });
}
