// Benchmark of the event side (issue 6), all figures from one run on one broker:
//   npx tsx scripts/bench/events.ts [--events 100000] [--latency-samples 200]
// Broker: KAFKA_BROKERS (real Apache Kafka), else the embedded broker. Database: TEST_DATABASE_URL (a private database
// on real PostgreSQL), else PGlite. Prints
//   1. raw kafkajs consume throughput (a group that does nothing with the records), from its first batch to its last,
//   2. the event side's consume throughput on the same records (decode, schema check, inbox + notifications in one
//      transaction per chunk, commit after the effect), with and without group join, and its ratios to 1
//      (target: at least 0.5 of kafkajs doing the same work, 2a; docs/events.md),
//   2a. a hand-written kafkajs consumer writing the same rows with the same SQL (the effect's floor on this database),
//   2b. the event side with a no-op effect (inbox only),
//   2c. PostgreSQL alone storing the same rows, generated in the server (what no consumer of this effect can beat),
//   3. end-to-end latency POST /api/messages → the notification readable at GET /api/notifications (p50/p99).
import { parseArgs } from 'node:util';
import { startBroker, type BrokerHandle } from '@socialnet/broker';
import { Kafka, logLevel } from 'kafkajs';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { parseBrokerList, startEventSide } from '../../reference/src/events/index.ts';
import { startPlatform } from '../../reference/src/platform/platform.ts';
import { migrateAll } from '../../reference/src/platform/platform.ts';
import { notifyChatMembers } from '../../reference/src/events/handlers/notify-chat-members.ts';
import {
  messageRecords,
  openBenchDatabase,
  percentile,
  plainSqlConsume,
  postgresAloneSeconds,
  produceAll,
  rawConsume,
  RECIPIENTS,
  waitFor,
} from './events-lib.ts';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const { values: args } = parseArgs({ options: { events: { type: 'string' }, 'latency-samples': { type: 'string' } } });
const EVENTS = Number(args.events ?? 100_000);
const SAMPLES = Number(args['latency-samples'] ?? 200);
const logger = pino({ level: 'silent' });

let embedded: BrokerHandle | undefined;
if (!process.env.KAFKA_BROKERS) embedded = await startBroker({ port: 0, initialRebalanceDelayMs: 0 });
const brokers = embedded ? [embedded.brokers] : parseBrokerList(process.env.KAFKA_BROKERS);
const brokerKind = embedded ? 'embedded broker' : `Apache Kafka at ${brokers.join(',')}`;
const kafka = new Kafka({ clientId: 'bench-events', brokers, logLevel: logLevel.NOTHING });
const { db, kind: dbKind } = await openBenchDatabase(process.env.TEST_DATABASE_URL);
await migrateAll(db);
const ns = `bench${Date.now()}.`;

// 1 + 2: the same records, pre-produced, read by a no-op group and by the event side.
const records = messageRecords(EVENTS);
const side = await startEventSide({
  db,
  brokers,
  logger,
  registry: new Registry(),
  namespace: ns,
  relay: false,
  consumers: false,
});
await side.close(); // created the topics with the spec's partition counts; nothing consumes yet
await produceAll(kafka, `${ns}messages.created`, records);
const raw = await rawConsume(kafka, `${ns}messages.created`, EVENTS);

const startedAt = Date.now();
const consuming = await startEventSide({ db, brokers, logger, registry: new Registry(), namespace: ns, relay: false });
const inboxRows = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.inbox')).rows[0]!.n;
await waitFor('the first event applied', async () => (await inboxRows()) > 0);
const firstApplied = Date.now();
const firstCount = await inboxRows();
await waitFor('every event applied', async () => (await inboxRows()) >= EVENTS);
const sideSeconds = (Date.now() - firstApplied) / 1000;
const sideWithStart = (Date.now() - startedAt) / 1000;
await consuming.close();
const notifications = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications.notifications'))
  .rows[0]!.n;

// 2a: the same records and the same SQL (inbox + notifications per batch) from a hand-written kafkajs consumer.
const plainSeconds = await plainSqlConsume(kafka, `${ns}messages.created`, EVENTS, db, notifyChatMembers.apply);

// 2b: the same records through the framework with the inbox only (a no-op effect): the framework's own cost.
const inboxOnlyNs = `${ns}inbox.`;
const sideForTopics = await startEventSide({
  db,
  brokers,
  logger,
  registry: new Registry(),
  namespace: inboxOnlyNs,
  relay: false,
  consumers: false,
});
await sideForTopics.close();
await produceAll(kafka, `${inboxOnlyNs}messages.created`, records);
const noop = { apply: async () => undefined };
const inboxOnly = await startEventSide({
  db,
  brokers,
  logger,
  registry: new Registry(),
  namespace: inboxOnlyNs,
  relay: false,
  handlers: { 'feed-service': noop, 'notification-service': noop },
});
const inboxRowsOf = async () =>
  (
    await db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.inbox WHERE consumer_group = $1', [
      `${inboxOnlyNs}notification-service`,
    ])
  ).rows[0]!.n;
await waitFor('the first event applied (inbox only)', async () => (await inboxRowsOf()) > 0);
const inboxFirstAt = Date.now();
const inboxFirstCount = await inboxRowsOf();
await waitFor('every event applied (inbox only)', async () => (await inboxRowsOf()) >= EVENTS);
const inboxSeconds = (Date.now() - inboxFirstAt) / 1000;
await inboxOnly.close();

// 2c: the effect's rows with no client and no Kafka: PostgreSQL's own ceiling for this schema and durability.
const postgresSeconds = await postgresAloneSeconds(db, EVENTS);

// 3: end to end through the platform's HTTP API, relay and consumer included.
const jwtSecret = 'bench-events-secret-0123456789abcdef';
const platform = await startPlatform({ db, jwtSecret, logLevel: 'silent' });
const live = await startEventSide({ db, brokers, logger, registry: new Registry(), namespace: `${ns}e2e.` });
await live.ready();
const api = async (path: string, token?: string, body?: unknown) => {
  const response = await fetch(`${platform.baseUrl}/api${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const user = async (n: string) =>
  api('/users', undefined, { email: `${n}-${Date.now()}@bench.test`, password: 'bench-password', name: n });
const [alice, bob] = [await user('alice'), await user('bob')];
const chat = await api('/chats', alice.access_token, { name: 'bench', members: [bob.user_id] });
const latencies: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const t0 = performance.now();
  const sent = await api('/messages', alice.access_token, { chat_id: chat.id, text: `latency ${i}` });
  if (typeof sent.id !== 'number') throw new Error(`POST /api/messages: ${JSON.stringify(sent)}`);
  await waitFor('the notification', async () => {
    const page = await api('/notifications?limit=5', bob.access_token);
    if (!Array.isArray(page.notifications)) throw new Error(`GET /api/notifications: ${JSON.stringify(page)}`);
    return (page.notifications as { meta?: { message_id?: number } }[]).some((n) => n.meta?.message_id === sent.id);
  });
  latencies.push(performance.now() - t0);
}
await live.close();
await platform.close();
await db.close();
await embedded?.close();

const row = (label: string, value: string) => console.log(`${label.padEnd(72)}${value}`);
const rate = (n: number, seconds: number) =>
  `${(n / seconds).toFixed(0).padStart(7)} events/s (${seconds.toFixed(2)} s)`;
const ratio = (a: number, b: number, target?: number) =>
  !Number.isFinite(b)
    ? 'n/a (the baseline read every record in one batch: use more --events)'
    : `${(a / b).toFixed(2)}${target === undefined ? '' : ` (target >= ${target.toFixed(2)}: ${a / b >= target ? 'met' : 'NOT met'})`}`;
const rawSteady = EVENTS / raw.steady;
const plainSteady = EVENTS / plainSeconds;
const sideSteady = (EVENTS - firstCount) / sideSeconds;
const inboxSteady = (EVENTS - inboxFirstCount) / inboxSeconds;
console.log(
  `\nevent side benchmark: ${EVENTS} messages.created events (${RECIPIENTS.length} recipients each), ${brokerKind}, ${dbKind}, 6 partitions\n`,
);
row('raw kafkajs consume, no-op, from run() (group join included)', rate(EVENTS, raw.withJoin));
row('raw kafkajs consume, no-op, steady state (first batch -> last record)', rate(EVENTS, raw.steady));
row('hand-written kafkajs consumer, same SQL, steady state (no framework)', rate(EVENTS, plainSeconds));
row('PostgreSQL alone, same rows made in the server (no client, no Kafka)', rate(EVENTS, postgresSeconds));
row('event side consume, from start (join, topics, producer included)', rate(EVENTS, sideWithStart));
row(
  `event side consume, steady state (inbox + ${notifications} notifications)`,
  rate(EVENTS - firstCount, sideSeconds),
);
row('event side consume, steady state, inbox only (no-op effect)', rate(EVENTS - inboxFirstCount, inboxSeconds));
console.log('ratios of the event side, steady state:');
row('  to the hand-written kafkajs consumer doing the same SQL', ratio(sideSteady, plainSteady, 0.5));
row('  to raw no-op kafkajs consume', ratio(sideSteady, rawSteady));
row('  inbox only, to raw no-op kafkajs consume', ratio(inboxSteady, rawSteady));
row('  (ceiling here: hand-written same SQL to raw no-op)', ratio(plainSteady, rawSteady));
row('  (ceiling here: PostgreSQL alone to raw no-op)', ratio(EVENTS / postgresSeconds, rawSteady));
row('  from start, to raw no-op from run() (joins included)', ratio(EVENTS / sideWithStart, EVENTS / raw.withJoin));
const sorted = latencies.sort((a, b) => a - b);
row(
  `end to end POST /api/messages -> notification readable (n=${SAMPLES})`,
  `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
);
