import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';

/** A fresh prefix for topics and groups, so tests sharing a broker never see each other's records. */
export const freshNamespace = (): string => `t${randomUUID().slice(0, 8)}.`;

export interface ReadRecord {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** Reads a topic from the beginning until `until(records)` holds, or fails at the deadline (no bare sleeps). */
export async function readUntil(
  kafka: Kafka,
  topic: string,
  until: (records: ReadRecord[]) => boolean,
  timeoutMs = 30000,
): Promise<ReadRecord[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        records.push({ topic: t, partition, message });
        if (until(records)) done();
      },
    });
    await Promise.race([
      finished,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timed out reading ${topic}: ${records.length} records`)), timeoutMs),
      ),
    ]);
    return records;
  } finally {
    await consumer.disconnect();
  }
}

export const text = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  return value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value);
};

/** Polls `probe` until it returns a truthy value or the deadline passes. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined | false;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
