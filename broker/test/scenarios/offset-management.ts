// Offset management through kafkajs's admin and consumer: offsets by timestamp, setOffsets and
// resetOffsets on an idle group (kafkajs checks through DescribeGroups that it is Empty).
import { collect, consumerConfig, kafka, unique } from '../helpers.ts';
import type { ScenarioEnv } from './env.ts';

export interface OffsetManagementResult {
  byTimestamp: { partition: number; offset: string }[];
  afterSetOffsets: number[];
  committedAfterReset: string[];
}

export async function offsetManagement(env: ScenarioEnv): Promise<OffsetManagementResult> {
  const topic = unique('om');
  const groupId = unique('om-group');
  const client = kafka(env.brokers);
  const admin = client.admin();
  const producer = client.producer();
  await admin.connect();
  await producer.connect();
  const run = async (n: number) => {
    const consumer = client.consumer(consumerConfig(groupId, env.timing));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    const c = collect(consumer);
    await c.until(n);
    await consumer.disconnect();
    return c.messages.map((m) => m.offset);
  };
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const base = Date.now() - 60_000;
    await producer.send({
      topic,
      messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}`, timestamp: String(base + i * 1000) })),
    });
    const byTimestamp = await admin.fetchTopicOffsetsByTimestamp(topic, base + 4500);

    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '7' }] });
    const afterSetOffsets = await run(3);

    await admin.resetOffsets({ groupId, topic, earliest: true });
    const [reset] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committedAfterReset = (reset?.partitions ?? []).map((p) => p.offset);

    return { byTimestamp, afterSetOffsets, committedAfterReset };
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
