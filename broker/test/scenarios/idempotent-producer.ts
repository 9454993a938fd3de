// An idempotent producer: InitProducerId, then sequenced batches to two partitions.
import { kafka, unique } from '../helpers.ts';
import type { ScenarioEnv } from './env.ts';

export interface IdempotentResult {
  baseOffsets: number[];
  highWatermarks: number[];
}

export async function idempotentProducer(env: ScenarioEnv): Promise<IdempotentResult> {
  const topic = unique('idem');
  const client = kafka(env.brokers);
  const admin = client.admin();
  const producer = client.producer({ idempotent: true, maxInFlightRequests: 1 });
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await producer.connect();
    const baseOffsets: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await producer.send({
        topic,
        acks: -1,
        messages: [
          { value: `a${i}`, partition: i % 2 },
          { value: `b${i}`, partition: i % 2 },
        ],
      });
      baseOffsets.push(Number(res[0]?.baseOffset));
    }
    const highWatermarks = (await admin.fetchTopicOffsets(topic))
      .sort((a, b) => a.partition - b.partition)
      .map((p) => Number(p.high));
    return { baseOffsets, highWatermarks };
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
