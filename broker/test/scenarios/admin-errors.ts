// Admin operations and the Kafka errors they provoke, as kafkajs reports them.
import { consumerConfig, kafka, unique, waitFor } from '../helpers.ts';
import type { ScenarioEnv } from './env.ts';

interface KafkaJSErrorShape {
  type?: string;
  name?: string;
  originalError?: KafkaJSErrorShape;
  cause?: KafkaJSErrorShape;
  errors?: KafkaJSErrorShape[];
  groups?: { error?: KafkaJSErrorShape }[];
}

/** The Kafka error name kafkajs surfaces, wherever it nests it (retries, aggregates, per-group results). */
function kafkaErrorOf(err: KafkaJSErrorShape | undefined): string | undefined {
  if (!err) return undefined;
  return (
    err.type ??
    kafkaErrorOf(err.originalError) ??
    kafkaErrorOf(err.cause) ??
    kafkaErrorOf(err.errors?.[0]) ??
    kafkaErrorOf(err.groups?.[0]?.error)
  );
}

const errorType = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no error',
    (err: KafkaJSErrorShape) => kafkaErrorOf(err) ?? err.name ?? 'unknown',
  );

/** The probe's value once `done` accepts it, or its last value at the deadline (so a mismatch still shows). */
async function settle<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface AdminErrorsResult {
  createdFirst: boolean;
  createdAgain: boolean;
  listedAfterCreate: boolean;
  invalidName: string;
  tooManyReplicas: string;
  zeroPartitions: string;
  shrinkPartitions: string;
  partitionsAfterGrow: number;
  deleteUnknown: string;
  groupStateWhileMember: string;
  deleteNonEmptyGroup: string;
  groupListed: boolean;
  groupStateAfterLeave: string;
  deleteEmptyGroup: string;
  unknownGroupState: string;
  listedAfterDelete: boolean;
}

export async function adminErrors(env: ScenarioEnv): Promise<AdminErrorsResult> {
  const topic = unique('ad');
  const groupId = unique('ad-group');
  const client = kafka(env.brokers, unique('admin'), { retry: { retries: 1, initialRetryTime: 50 } });
  const admin = client.admin();
  await admin.connect();
  try {
    const createdFirst = await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const createdAgain = await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const listedAfterCreate = (await admin.listTopics()).includes(topic);
    const invalidName = await errorType(admin.createTopics({ topics: [{ topic: 'bad name!' }] }));
    const tooManyReplicas = await errorType(
      admin.createTopics({ topics: [{ topic: unique('ad-rf'), replicationFactor: 3 }] }),
    );
    const zeroPartitions = await errorType(
      admin.createTopics({ topics: [{ topic: unique('ad-np'), numPartitions: 0 }] }),
    );
    const shrinkPartitions = await errorType(admin.createPartitions({ topicPartitions: [{ topic, count: 1 }] }));
    await admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] });
    // Kafka propagates metadata changes asynchronously: poll until the change shows (or the deadline). Until the new
    // partition has a leader Kafka may answer NOT_LEADER_OR_FOLLOWER, which counts as "not yet" (no partitions), not as a result.
    const partitionsAfterGrow = await settle(
      async () => (await admin.fetchTopicOffsets(topic).catch(() => [])).length,
      (n) => n === 3,
    );
    const deleteUnknown = await errorType(admin.deleteTopics({ topics: [unique('ad-missing')], timeout: 1000 }));

    const consumer = client.consumer(consumerConfig(groupId, env.timing));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await consumer.run({ eachMessage: async () => undefined });
    await waitFor('consumer joined', () => joined);
    const groupStateWhileMember = await waitFor('group Stable', async () => {
      const s = (await admin.describeGroups([groupId])).groups[0]?.state;
      return s === 'Stable' && s;
    });
    const deleteNonEmptyGroup = await errorType(admin.deleteGroups([groupId]));
    const groupListed = (await admin.listGroups()).groups.some((g) => g.groupId === groupId);
    await consumer.disconnect();
    const groupStateAfterLeave = await settle(
      async () => (await admin.describeGroups([groupId])).groups[0]?.state ?? 'missing',
      (s) => s === 'Empty',
    );
    const deleteEmptyGroup = await errorType(admin.deleteGroups([groupId]));
    const unknownGroupState = (await admin.describeGroups([unique('ad-nogroup')])).groups[0]?.state ?? 'missing';
    await admin.deleteTopics({ topics: [topic] });
    const listedAfterDelete = await settle(
      async () => (await admin.listTopics()).includes(topic),
      (listed) => !listed,
    );
    return {
      createdFirst,
      createdAgain,
      listedAfterCreate,
      invalidName,
      tooManyReplicas,
      zeroPartitions,
      shrinkPartitions,
      partitionsAfterGrow,
      deleteUnknown,
      groupStateWhileMember,
      deleteNonEmptyGroup,
      groupListed,
      groupStateAfterLeave,
      deleteEmptyGroup,
      unknownGroupState,
      listedAfterDelete,
    };
  } finally {
    await admin.disconnect();
  }
}
