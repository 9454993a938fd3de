// Keys, values and headers across 3 partitions, produced by kafkajs and read back by a consumer group.
import { collect, consumerConfig, kafka, unique } from '../helpers.ts';
import type { ScenarioEnv } from './env.ts';

export interface ProduceConsumeResult {
  /** partition -> messages in offset order */
  partitions: Record<
    number,
    { offset: number; key: string | null; value: string | null; headers: Record<string, string> }[]
  >;
  highWatermarks: Record<number, number>;
}

export async function produceConsume(env: ScenarioEnv): Promise<ProduceConsumeResult> {
  const topic = unique('pc');
  const client = kafka(env.brokers);
  const admin = client.admin();
  const producer = client.producer();
  const consumer = client.consumer(consumerConfig(unique('pc-group'), env.timing));
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await producer.connect();
    const messages = Array.from({ length: 30 }, (_, i) => ({
      key: i % 5 === 4 ? null : `key-${i % 10}`,
      value: `value-${i}`,
      headers: { seq: String(i), 'content-type': 'text/plain' },
      partition: i % 5 === 4 ? i % 3 : undefined,
    }));
    await producer.send({ topic, messages: messages.slice(0, 10) });
    await producer.send({ topic, messages: messages.slice(10) });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await collect(consumer).until(30);
    const partitions: ProduceConsumeResult['partitions'] = {};
    for (const m of [...received].sort((a, b) => a.partition - b.partition || a.offset - b.offset)) {
      (partitions[m.partition] ??= []).push({ offset: m.offset, key: m.key, value: m.value, headers: m.headers });
    }
    const highWatermarks: Record<number, number> = {};
    for (const p of await admin.fetchTopicOffsets(topic)) highWatermarks[p.partition] = Number(p.high);
    return { partitions, highWatermarks };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
