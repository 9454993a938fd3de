// Benchmark: kafkajs against the embedded broker and against Apache Kafka, in one run.
//   npx tsx scripts/bench/broker.ts [--messages 20000] [--latency-samples 500]
// Apache Kafka is read from KAFKA_BROKERS (scripts/infra/kafka.sh start); without it only the embedded
// broker is measured. Figures: produce and consume throughput (1 KiB records, sends of 100), produce ->
// consume latency p50/p99, start-up time and resident memory of each broker process. Kafka's pid and log are
// read from scripts/infra/kafka.sh's .cache/kafka-run (override with KAFKA_PID and KAFKA_LOG).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: { messages: { type: 'string' }, 'latency-samples': { type: 'string' }, rounds: { type: 'string' } },
});
/** Rounds alternate between the brokers; each figure is the median over the rounds (a shared 2-core box is noisy). */
const ROUNDS = Number(args.rounds ?? 3);
const MESSAGES = Number(args.messages ?? 30_000);
const WARM_UP = 10_000;
const BATCH = 100;
const SAMPLES = Number(args['latency-samples'] ?? 500);
const RECORD = Buffer.alloc(1024, 'x');

interface Figures {
  produceMsgs: number;
  produceMB: number;
  consumeMsgs: number;
  consumeMB: number;
  p50: number;
  p99: number;
  startupMs: number | null;
  /** The broker's own start (startBroker until listening), without the node/tsx process start. */
  listenMs: number | null;
  rssMB: number | null;
}

const rssMB = (pid: number | undefined): number | null => {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
};

async function startEmbedded(): Promise<{ brokers: string; child: ChildProcess; startupMs: number; listenMs: number }> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'broker/src/cli.ts'), '--port', '0', '--initial-rebalance-delay-ms', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [brokers, listenMs] = await new Promise<[string, number]>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+) \(started in (\d+) ms\)/.exec(out);
      if (m?.[1]) resolve([m[1], Number(m[2])]);
    });
    child.once('exit', (code) => reject(new Error(`embedded broker exited with ${code}`)));
  });
  return { brokers, child, startupMs: performance.now() - t0, listenMs };
}

/** Kafka's start-up as its own log tells it: first line to "Kafka Server started". */
function kafkaStartup(): number | null {
  const log = process.env.KAFKA_LOG ?? path.join(ROOT, '.cache/kafka-run/kafka.log');
  if (!fs.existsSync(log)) return null;
  const lines = fs.readFileSync(log, 'utf8').split('\n');
  const stamp = (l: string | undefined) => {
    const m = /\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\]/.exec(l ?? '');
    return m?.[1] ? Date.parse(m[1].replace(' ', 'T').replace(',', '.')) : Number.NaN;
  };
  const first = stamp(lines.find((l) => !Number.isNaN(stamp(l))));
  const started = stamp([...lines].reverse().find((l) => l.includes('Kafka Server started')));
  return Number.isFinite(first) && Number.isFinite(started) ? started - first : null;
}

function kafkaPid(): number | undefined {
  const file = path.join(ROOT, '.cache/kafka-run/kafka.pid');
  const pid = process.env.KAFKA_PID ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined);
  return pid ? Number(pid) : undefined;
}

type Throughput = Omit<Figures, 'startupMs' | 'listenMs' | 'rssMB'>;

async function measure(brokers: string, label: string, warmUp: boolean): Promise<Throughput> {
  const kafka = new Kafka({ brokers: [brokers], clientId: `bench-${label}`, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `bench-${label}-${Date.now()}`;
  const latencyTopic = `${topic}-latency`;
  await admin.createTopics({ topics: [{ topic }, { topic: latencyTopic }], waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();

  const produceAll = async (to: string, count: number) => {
    const t = performance.now();
    for (let sent = 0; sent < count; sent += BATCH) {
      await producer.send({ topic: to, acks: -1, messages: Array.from({ length: BATCH }, () => ({ value: RECORD })) });
    }
    return (performance.now() - t) / 1000;
  };
  /** Seconds from the first batch to the last record (the group join is not timed). */
  const consumeAll = async (from: string, count: number) => {
    const consumer = kafka.consumer({ groupId: `${from}-g`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: from, fromBeginning: true });
    let received = 0;
    let first = 0;
    const s = await new Promise<number>((resolve) => {
      void consumer.run({
        eachBatch: async ({ batch }) => {
          if (received === 0) first = performance.now();
          received += batch.messages.length;
          if (received >= count) resolve((performance.now() - first) / 1000);
        },
      });
    });
    await consumer.disconnect();
    return s;
  };

  // Warm-up, not timed: connections, metadata, and the JIT of this (shared) client process, so the
  // broker measured second does not profit from the first one's warm-up.
  const warmTopic = `${topic}-warm`;
  if (warmUp) {
    await admin.createTopics({ topics: [{ topic: warmTopic }], waitForLeaders: true });
    await produceAll(warmTopic, WARM_UP);
    await consumeAll(warmTopic, WARM_UP);
  }

  const produceS = await produceAll(topic, MESSAGES);
  const consumeS = await consumeAll(topic, MESSAGES);

  const latConsumer = kafka.consumer({ groupId: `${topic}-lat`, maxWaitTimeInMs: 500 });
  await latConsumer.connect();
  await latConsumer.subscribe({ topic: latencyTopic, fromBeginning: false });
  let onMessage: ((sentAt: number) => void) | null = null;
  let joined = false;
  latConsumer.on(latConsumer.events.GROUP_JOIN, () => (joined = true));
  void latConsumer.run({
    eachMessage: async ({ message }) => onMessage?.(Number(message.value?.toString())),
  });
  while (!joined) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 500));
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const arrived = new Promise<number>((resolve) => (onMessage = (sentAt) => resolve(performance.now() - sentAt)));
    const t0 = performance.now();
    await producer.send({ topic: latencyTopic, messages: [{ value: String(t0) }] });
    latencies.push(await arrived);
  }
  await latConsumer.disconnect();
  await producer.disconnect();
  await admin
    .deleteTopics({ topics: warmUp ? [topic, latencyTopic, warmTopic] : [topic, latencyTopic] })
    .catch(() => undefined);
  await admin.disconnect();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  const mb = (MESSAGES * RECORD.length) / (1024 * 1024);
  return {
    produceMsgs: MESSAGES / produceS,
    produceMB: mb / produceS,
    consumeMsgs: MESSAGES / consumeS,
    consumeMB: mb / consumeS,
    p50: pct(50),
    p99: pct(99),
  };
}

const fmt = (v: number | null, digits = 0) =>
  v === null || Number.isNaN(v)
    ? 'n/a'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
function medianOf(runs: Throughput[]): Throughput {
  const keys = Object.keys(runs[0] as Throughput) as (keyof Throughput)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as Throughput;
}

const embedded = await startEmbedded();
const ourRuns: Throughput[] = [];
const theirRuns: Throughput[] = [];
let ours: Figures;
let theirs: Figures | null = null;
try {
  for (let round = 0; round < ROUNDS; round++) {
    ourRuns.push(await measure(embedded.brokers, 'embedded', round === 0));
    if (process.env.KAFKA_BROKERS) theirRuns.push(await measure(process.env.KAFKA_BROKERS, 'kafka', round === 0));
  }
  ours = {
    ...medianOf(ourRuns),
    startupMs: embedded.startupMs,
    listenMs: embedded.listenMs,
    rssMB: rssMB(embedded.child.pid),
  };
  if (theirRuns.length > 0)
    theirs = { ...medianOf(theirRuns), startupMs: kafkaStartup(), listenMs: null, rssMB: rssMB(kafkaPid()) };
} finally {
  embedded.child.kill('SIGTERM');
}

const rows: [string, keyof Figures, number, 'higher' | 'lower'][] = [
  ['produce msgs/s', 'produceMsgs', 0, 'higher'],
  ['produce MB/s', 'produceMB', 1, 'higher'],
  ['consume msgs/s', 'consumeMsgs', 0, 'higher'],
  ['consume MB/s', 'consumeMB', 1, 'higher'],
  ['latency p50 ms', 'p50', 2, 'lower'],
  ['latency p99 ms', 'p99', 2, 'lower'],
  ['start-up ms', 'startupMs', 0, 'lower'],
  ['  of which broker', 'listenMs', 0, 'lower'],
  ['RSS MB', 'rssMB', 0, 'lower'],
];
console.log(
  `kafkajs 2.2.4, ${MESSAGES} records of 1 KiB in sends of ${BATCH}, ${SAMPLES} latency samples, median of ${ROUNDS} alternating rounds, node ${process.version}`,
);
console.log(
  `${'metric'.padEnd(16)}${'embedded'.padStart(12)}${'Apache Kafka'.padStart(14)}${'embedded/Kafka'.padStart(16)}  better`,
);
for (const [name, key, digits, better] of rows) {
  const a = ours[key];
  const b = theirs ? theirs[key] : null;
  console.log(
    `${name.padEnd(16)}${fmt(a, digits).padStart(12)}${fmt(b, digits).padStart(14)}${ratio(a, b).padStart(16)}  ${better}`,
  );
}
console.log(
  'start-up: embedded = spawn of the CLI process until it prints its address (node + tsx + broker; "of which broker" is',
);
console.log(
  'startBroker() until listening); Kafka = its own log, first line to "Kafka Server started" (JVM start not included).',
);
if (!theirs)
  console.log(
    'KAFKA_BROKERS is not set: Apache Kafka was not measured (scripts/infra/kafka.sh start, then KAFKA_BROKERS=127.0.0.1:9092).',
  );
process.exit(0);
