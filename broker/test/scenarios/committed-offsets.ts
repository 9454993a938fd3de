// Offsets committed by one consumer are where the next consumer of the group starts.
import { collect, consumerConfig, kafka, unique } from '../helpers.ts';
import type { ScenarioEnv } from './env.ts';

export interface CommittedOffsetsResult {
  firstRun: number[];
  committedAfterFirst: number[];
  secondRun: number[];
  committedAfterSecond: number[];
}

export async function committedOffsets(env: ScenarioEnv): Promise<CommittedOffsetsResult> {
  const topic = unique('co');
  const groupId = unique('co-group');
  const client = kafka(env.brokers);
  const admin = client.admin();
  const producer = client.producer();
  await admin.connect();
  await producer.connect();
  const committed = async () => {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (t?.partitions ?? []).map((p) => Number(p.offset));
  };
  const consumeRun = async (n: number) => {
    const consumer = client.consumer(consumerConfig(groupId, env.timing));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got = await collect(consumer).until(n);
    await consumer.disconnect();
    return got.map((m) => m.offset);
  };
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `first-${i}` })) });
    const firstRun = await consumeRun(10);
    const committedAfterFirst = await committed();
    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `second-${i}` })) });
    const secondRun = await consumeRun(5);
    return { firstRun, committedAfterFirst, secondRun, committedAfterSecond: await committed() };
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
