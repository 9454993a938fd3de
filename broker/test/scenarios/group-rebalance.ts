// Two consumers in one group split 4 partitions; when one leaves, the other takes them all.
import type { Consumer } from 'kafkajs';
import { consumerConfig, kafka, trackAssignments, unique, waitFor } from '../helpers.ts';
import type { ScenarioEnv } from './env.ts';

export interface GroupRebalanceResult {
  /** Each member's partitions once both are in the group. */
  split: [number[], number[]];
  /** The remaining member's partitions after the other left. */
  afterLeave: number[];
}

export async function groupRebalance(env: ScenarioEnv): Promise<GroupRebalanceResult> {
  const topic = unique('gr');
  const groupId = unique('gr-group');
  const client = kafka(env.brokers);
  const admin = client.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
  const consumers: Consumer[] = [];
  try {
    const start = async () => {
      const c = client.consumer(consumerConfig(groupId, env.timing));
      consumers.push(c);
      const tracked = trackAssignments(c, topic);
      await c.connect();
      await c.subscribe({ topic, fromBeginning: true });
      await c.run({ eachMessage: async () => undefined });
      return tracked;
    };
    const a = await start();
    await waitFor('first member assigned', () => a.current()?.length === 4);
    const b = await start();
    const split = await waitFor(
      'both members assigned',
      () => {
        const pa = a.current() ?? [];
        const pb = b.current() ?? [];
        return pa.length > 0 && pb.length > 0 && pa.length + pb.length === 4 && ([pa, pb] as [number[], number[]]);
      },
      30_000,
    );
    await (consumers[1] as Consumer).disconnect();
    const afterLeave = await waitFor(
      'survivor takes all partitions',
      () => a.current()?.length === 4 && a.current(),
      30_000,
    );
    return { split, afterLeave };
  } finally {
    for (const c of consumers) await c.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
