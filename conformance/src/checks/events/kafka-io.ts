import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Consumer, type IHeaders } from 'kafkajs';
import type { SeenRecord, TopicWatch } from '../../engine/kafka.ts';

export interface OutgoingRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export interface Produced {
  partition: number;
  offset: string;
}

const kafkaFor = (brokers: string[]) => new Kafka({ clientId: 'socialnet-conformance', brokers, logLevel: logLevel.NOTHING });

/**
 * Produces records one at a time, in order, each acknowledged by all in-sync replicas before the next is sent, with
 * the default (murmur2) partitioner, so records with one key land on one partition in this order.
 */
export async function produceInOrder(brokers: string[], topic: string, records: OutgoingRecord[]): Promise<Produced[]> {
  const producer = kafkaFor(brokers).producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const out: Produced[] = [];
    for (const r of records) {
      const [meta] = await producer.send({ topic, acks: -1, messages: [{ key: r.key, value: r.value, headers: r.headers as IHeaders }] });
      out.push({ partition: meta!.partition, offset: meta!.baseOffset ?? String(meta!.offset) });
    }
    return out;
  } finally {
    await producer.disconnect();
  }
}

/** Reads a topic from its beginning with a throw-away consumer group (for dead-letter topics). */
export async function readFromBeginning(brokers: string[], topic: string, deadlineMs: number): Promise<TopicWatch> {
  const kafka = kafkaFor(brokers);
  const consumer: Consumer = kafka.consumer({ groupId: `conformance-dlq-${randomBytes(6).toString('hex')}`, sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  const records: SeenRecord[] = [];
  await consumer.connect();
  try {
    const joined = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`could not join a consumer group on ${topic} within ${deadlineMs} ms`)), deadlineMs);
      consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
        records.push({ topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value: message.value, headers });
      },
    });
    await joined;
  } catch (error) {
    await consumer.disconnect();
    throw error;
  }
  return { records, close: () => consumer.disconnect() };
}

/** The partition the default (murmur2) partitioner picks for `key` on `topic`, as a producer would. */
export async function partitionFinder(brokers: string[], topic: string): Promise<(key: string) => number> {
  const admin = kafkaFor(brokers).admin();
  await admin.connect();
  let count: number;
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    count = topics[0]!.partitions.length;
  } finally {
    await admin.disconnect();
  }
  const partitionMetadata = Array.from({ length: count }, (_, i) => ({ partitionId: i, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
  const partitioner = Partitioners.DefaultPartitioner();
  return (key) => partitioner({ topic, partitionMetadata, message: { key, value: null } });
}
