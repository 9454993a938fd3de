import { Partitioners, type IHeaders } from 'kafkajs';
import { kafkaFor } from '../../engine/kafka.ts';

export interface OutgoingRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export interface Produced {
  partition: number;
  offset: string;
}

/**
 * Produces records one at a time, in order, each acknowledged by all in-sync replicas before the next is sent, with
 * the default (murmur2) partitioner, so records with one key land on one partition in this order.
 */
export async function produceInOrder(brokers: string[], topic: string, records: OutgoingRecord[]): Promise<Produced[]> {
  const producer = kafkaFor(brokers).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    const out: Produced[] = [];
    for (const r of records) {
      const [meta] = await producer.send({
        topic,
        acks: -1,
        messages: [{ key: r.key, value: r.value, headers: r.headers as IHeaders }],
      });
      out.push({ partition: meta!.partition, offset: meta!.baseOffset ?? String(meta!.offset) });
    }
    return out;
  } finally {
    await producer.disconnect();
  }
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
  const partitionMetadata = Array.from({ length: count }, (_, i) => ({
    partitionId: i,
    leader: 0,
    replicas: [0],
    isr: [0],
    partitionErrorCode: 0,
  }));
  const partitioner = Partitioners.DefaultPartitioner();
  return (key) => partitioner({ topic, partitionMetadata, message: { key, value: null } });
}
