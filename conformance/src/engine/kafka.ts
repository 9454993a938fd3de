import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

export interface SeenRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface TopicWatch {
  records: SeenRecord[];
  close(): Promise<void>;
}

export const kafkaFor = (brokers: string[]): Kafka =>
  new Kafka({ clientId: 'socialnet-conformance', brokers, logLevel: logLevel.NOTHING });

/**
 * Watches a topic from its current end (offsets taken before the action, so nothing produced after is missed)
 * with a throw-away consumer group.
 */
export async function watchTopic(brokers: string[], topic: string, deadlineMs: number): Promise<TopicWatch> {
  const kafka = kafkaFor(brokers);
  const admin = kafka.admin();
  await admin.connect();
  let ends: Array<{ partition: number; offset: string }>;
  try {
    ends = await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
  return collectRecords(kafka, topic, deadlineMs, { group: 'conformance', from: ends });
}

/** Reads a topic from its beginning with a throw-away consumer group (e.g. a dead-letter topic). */
export function readFromBeginning(brokers: string[], topic: string, deadlineMs: number): Promise<TopicWatch> {
  return collectRecords(kafkaFor(brokers), topic, deadlineMs, { group: 'conformance-read', autoCreate: false });
}

/** Collects every record of `topic` (from the beginning, or from the given offsets) once a fresh group has joined. */
async function collectRecords(
  kafka: Kafka,
  topic: string,
  deadlineMs: number,
  options: { group: string; from?: Array<{ partition: number; offset: string }>; autoCreate?: boolean },
): Promise<TopicWatch> {
  const consumer: Consumer = kafka.consumer({
    groupId: `${options.group}-${randomBytes(6).toString('hex')}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 100,
    allowAutoTopicCreation: options.autoCreate ?? true,
  });
  const records: SeenRecord[] = [];
  await consumer.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    const joined = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `the conformance consumer did not join a group on ${topic} within ${deadlineMs} ms (does the topic exist?)`,
            ),
          ),
        deadlineMs,
      );
      consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // subscribe or run may throw before `joined` is awaited: its later rejection must not go unhandled (it once
    // ended the process before any report was written).
    joined.catch(() => {});
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          if (v !== undefined) headers[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
        records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          headers,
        });
      },
    });
    for (const end of options.from ?? []) consumer.seek({ topic, partition: end.partition, offset: end.offset });
    await joined;
  } catch (error) {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => {});
    throw error;
  }
  return { records, close: () => consumer.disconnect() };
}
