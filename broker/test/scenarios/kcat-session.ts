// librdkafka (kcat) against a broker: metadata, produce with headers (plain, gzip, idempotent),
// consume with CRC checks, a consumer group, and offsets by timestamp.
import { jsonLines, kcat } from '../kcat.ts';
import { kafka, unique } from '../helpers.ts';

interface KcatMessage {
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers: string[] | null;
}

export interface KcatSessionResult {
  metadataListsTopic: boolean;
  brokerCount: number;
  consumed: { offset: number; key: string | null; payload: string | null; headers: string[] | null }[];
  kafkajsSawHeaders: Record<string, string>[];
  groupConsumed: number;
  groupCommitted: number;
  offsetByTime: string;
  exitCodes: number[];
}

export async function kcatSession(brokers: string): Promise<KcatSessionResult> {
  const topic = unique('kc');
  const timed = unique('kc-timed');
  const groupId = unique('kc-group');
  const admin = kafka(brokers).admin();
  await admin.connect();
  const exitCodes: number[] = [];
  const run = async (args: string[], input = '') => {
    const r = await kcat(['-b', brokers, ...args], input);
    exitCodes.push(r.code ?? -999);
    if (r.code !== 0) throw new Error(`kcat ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const meta = JSON.parse(await run(['-L', '-J', '-t', topic])) as {
      brokers: unknown[];
      topics: { topic: string }[];
    };

    await run(['-P', '-t', topic, '-K', ':', '-H', 'trace=abc', '-H', 'kind=plain'], 'k1:v1\nk2:v2\n');
    await run(['-P', '-t', topic, '-K', ':', '-z', 'gzip', '-H', 'kind=gzip'], 'k3:v3\n');
    await run(['-P', '-t', topic, '-K', ':', '-X', 'enable.idempotence=true', '-H', 'kind=idempotent'], 'k4:v4\n');
    const consumed = jsonLines<KcatMessage>(
      await run(['-C', '-t', topic, '-o', 'beginning', '-e', '-J', '-X', 'check.crcs=true']),
    ).map(({ offset, key, payload, headers }) => ({ offset, key, payload, headers }));

    const kjs = kafka(brokers).consumer({ groupId: unique('kc-kjs'), maxWaitTimeInMs: 100 });
    const kafkajsSawHeaders: Record<string, string>[] = [];
    await kjs.connect();
    await kjs.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void kjs.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() === 'k3') return; // gzip is readable by kafkajs too, but keep this about headers
          kafkajsSawHeaders.push(
            Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          );
          if (message.key?.toString() === 'k4') resolve();
        },
      });
    });
    await kjs.disconnect();

    const group = jsonLines<KcatMessage>(
      await run(['-G', groupId, topic, '-c', '4', '-J', '-X', 'auto.offset.reset=earliest']),
    );
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });

    await admin.createTopics({ topics: [{ topic: timed, numPartitions: 1 }], waitForLeaders: true });
    const stamped = kafka(brokers).producer();
    await stamped.connect();
    const at = (ts: number) => ({ value: `at-${ts}`, timestamp: String(ts) });
    await stamped.send({
      topic: timed,
      messages: [at(1_000_000_000_000), at(1_100_000_000_000), at(1_200_000_000_000)],
    });
    await stamped.disconnect();
    const offsetByTime = (await run(['-Q', '-t', `${timed}:0:1050000000000`])).trim();

    return {
      metadataListsTopic: meta.topics.some((t) => t.topic === topic),
      brokerCount: meta.brokers.length,
      consumed,
      kafkajsSawHeaders,
      groupConsumed: group.length,
      groupCommitted: Number(committed?.partitions[0]?.offset),
      offsetByTime: offsetByTime.replace(timed, 'TOPIC'),
      exitCodes,
    };
  } finally {
    await admin.deleteTopics({ topics: [topic, timed] }).catch(() => undefined);
    await admin.disconnect();
  }
}
