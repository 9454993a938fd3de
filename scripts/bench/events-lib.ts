// Helpers of scripts/bench/events.ts: databases, records, percentiles.
import { randomUUID } from 'node:crypto';
import type { Kafka, Message } from 'kafkajs';
import { envelopeHeaders } from '../../reference/src/events/envelope.ts';
import { createPgliteDatabase } from '../../reference/src/shared/db/pglite-database.ts';
import { freshPostgresDatabase } from '../testing/scratch-database.ts';
import type { Database } from '../../reference/src/shared/db/queryable.ts';
import type { EventHandler } from '../../reference/src/events/consumer/event-handler.ts';
import { claimEvents } from '../../reference/src/events/consumer/inbox.ts';

/** A private database on TEST_DATABASE_URL (dropped on close), else PGlite. */
export async function openBenchDatabase(url: string | undefined): Promise<{ db: Database; kind: string }> {
  if (!url) return { db: await createPgliteDatabase(), kind: 'PGlite (set TEST_DATABASE_URL for real PostgreSQL)' };
  return { db: await freshPostgresDatabase(url, 'bench_events'), kind: 'PostgreSQL' };
}

/** The recipients of every benchmark message: the notifications each event's effect writes. */
export const RECIPIENTS = ['r1', 'r2', 'r3'];

/** `count` messages.created records as message-service's relay writes them, to RECIPIENTS, keyed by chat. */
export function messageRecords(count: number): Message[] {
  return Array.from({ length: count }, (_, i) => {
    const payload = {
      message_id: i + 1,
      chat_id: (i % 50) + 1,
      user_id: 'sender',
      text: `message ${i}`,
      media_url: '',
      send_time: new Date().toISOString(),
      recipient_ids: RECIPIENTS,
    };
    const headers = envelopeHeaders({
      id: randomUUID(),
      type: 'dev.socialnet.messages.created.v1',
      source: '/socialnet/message-service',
      time: payload.send_time,
    });
    return { key: String(payload.chat_id), value: JSON.stringify(payload), headers };
  });
}

export async function produceAll(kafka: Kafka, topic: string, records: Message[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < records.length; i += 500)
    await producer.send({ topic, messages: records.slice(i, i + 500), acks: -1 });
  await producer.disconnect();
}

/**
 * Reads `count` records of `topic` with a fresh group, doing nothing with them (the client's own ceiling).
 * Returns the seconds from run() (group join included) and from the first batch to the last record.
 */
export async function rawConsume(
  kafka: Kafka,
  topic: string,
  count: number,
): Promise<{ withJoin: number; steady: number }> {
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs: 250 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const run = Date.now();
  let started = 0;
  let seen = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        started ||= Date.now();
        seen += batch.messages.length;
        if (seen >= count) resolve();
      },
    });
  });
  const end = Date.now();
  await consumer.disconnect();
  return { withJoin: (end - run) / 1000, steady: (end - started) / 1000 };
}

export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * The same effect without the event side's machinery: a hand-written kafkajs group that parses each record and, per
 * batch, claims its ids in the inbox and writes the notifications with the handler's own SQL in one transaction,
 * then commits. No envelope decoding, schema check, retry/DLQ routing or commit retries: the floor of what the
 * effect costs on this database. Returns the seconds from the first batch to the last record.
 */
export async function plainSqlConsume(
  kafka: Kafka,
  topic: string,
  count: number,
  db: Database,
  apply: EventHandler['apply'],
): Promise<number> {
  const group = `bench-plain-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 250 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let started = 0;
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    void consumer
      .run({
        autoCommit: false,
        partitionsConsumedConcurrently: 6,
        eachBatch: async ({ batch, commitOffsetsIfNecessary }) => {
          started ||= Date.now();
          const events = batch.messages.map((m) => ({
            payload: JSON.parse(m.value!.toString()) as Record<string, unknown>,
            envelope: { id: m.headers!.ce_id!.toString() },
            offset: m.offset,
          }));
          await db.transaction(async (tx) => {
            const fresh = await claimEvents(
              tx,
              group,
              events.map((e) => ({ eventId: e.envelope.id, topic, partition: batch.partition, offset: e.offset })),
            );
            await apply(tx, events.filter((e) => fresh.has(e.envelope.id)) as never);
          });
          await commitOffsetsIfNecessary({
            topics: [
              {
                topic,
                partitions: [{ partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }],
              },
            ],
          });
          seen += events.length;
          if (seen >= count) resolve();
        },
      })
      .catch(reject);
  });
  const end = Date.now();
  await consumer.disconnect();
  return (end - started) / 1000;
}

/**
 * What PostgreSQL alone takes to store the effect of `count` events, with no client work and no Kafka: the inbox
 * row and one notification per recipient of each event, generated inside the server (gen_random_uuid,
 * jsonb_build_object) into copies of the real tables (same columns, defaults, keys and indexes, logged), in
 * `parallel` concurrent transactions like the consumer's partitions. No consumer writing this effect here can beat it. Returns seconds.
 */
export async function postgresAloneSeconds(db: Database, count: number, parallel = 6): Promise<number> {
  const schema = `bench_ceiling_${Date.now()}`;
  await db.exec(`CREATE SCHEMA ${schema};
    CREATE TABLE ${schema}.inbox (LIKE public.inbox INCLUDING ALL);
    CREATE TABLE ${schema}.notifications (LIKE notifications.notifications INCLUDING ALL);`);
  const per = Math.ceil(count / parallel);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, (_, p) =>
      db.transaction(async (tx) => {
        const [from, to] = [p * per + 1, Math.min(count, (p + 1) * per)];
        await tx.query(
          `INSERT INTO ${schema}.inbox (consumer_group, event_id, topic, partition, "offset")
           SELECT 'notification-service', gen_random_uuid(), 'messages.created', $3, i FROM generate_series($1::int, $2::int) i`,
          [from, to, p],
        );
        await tx.query(
          `INSERT INTO ${schema}.notifications (id, user_id, kind, title, body, meta)
           SELECT gen_random_uuid(), r, 'message', 'New message', 'message ' || i,
                  jsonb_build_object('chat_id', i % 50 + 1, 'message_id', i, 'sender_id', 'sender', 'event_id', gen_random_uuid())
             FROM generate_series($1::int, $2::int) i, unnest($3::text[]) r`,
          [from, to, RECIPIENTS],
        );
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  await db.exec(`DROP SCHEMA ${schema} CASCADE`);
  return seconds;
}
