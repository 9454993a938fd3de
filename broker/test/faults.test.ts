// Broker > faults: each injected fault reaches kafkajs as the real Kafka error would, and kafkajs recovers
// (or, for a non-retriable error, stops as it does against Kafka).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { collect, consumerConfig, FAST, kafka, trackAssignments, unique, waitFor } from './helpers.ts';

let broker: BrokerHandle;

beforeAll(async () => {
  broker = await startBroker({ minSessionTimeoutMs: 500, initialRebalanceDelayMs: 0 });
});
afterAll(() => broker.close());
afterEach(() => broker.faults.clear());

async function topicWith(partitions: number, messages = 0): Promise<string> {
  const topic = unique('f');
  const admin = kafka(broker.brokers).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] });
  await admin.disconnect();
  if (messages > 0) {
    const producer = kafka(broker.brokers).producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: messages }, (_, i) => ({ value: `m${i}` })) });
    await producer.disconnect();
  }
  return topic;
}

type Chained = { type?: string; cause?: Chained; originalError?: Chained };
const rootCause = (e: Chained): Chained =>
  e.cause ? rootCause(e.cause) : e.originalError ? rootCause(e.originalError) : e;

const highWatermark = (topic: string, partition = 0) => broker.state.topics.partition(topic, partition)?.highWatermark;

async function startMember(topic: string, groupId: string) {
  const consumer = kafka(broker.brokers).consumer(consumerConfig(groupId, FAST));
  const assignments = trackAssignments(consumer, topic);
  const joins: { memberId: string }[] = [];
  consumer.on(consumer.events.GROUP_JOIN, (e) => joins.push({ memberId: e.payload.memberId }));
  const rebalancing: string[] = [];
  consumer.on(consumer.events.REBALANCING, () => rebalancing.push('rebalancing'));
  const crashes: { restart: boolean; cause: string | undefined }[] = [];
  consumer.on(consumer.events.CRASH, (e) =>
    crashes.push({ restart: e.payload.restart, cause: rootCause(e.payload.error as Chained).type }),
  );
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received = collect(consumer);
  return { consumer, assignments, joins, rebalancing, crashes, received };
}

const committed = async (groupId: string, topic: string) => {
  const admin = kafka(broker.brokers).admin();
  await admin.connect();
  const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
  await admin.disconnect();
  return Number(t?.partitions[0]?.offset);
};

describe('Broker > faults > group coordination', () => {
  it('OffsetCommit failing with REBALANCE_IN_PROGRESS makes the member rejoin, then commit', async () => {
    const topic = await topicWith(1);
    const groupId = unique('g');
    broker.faults.failNext('OffsetCommit', 'REBALANCE_IN_PROGRESS', { groupId, count: 2 });
    const m = await startMember(topic, groupId);
    await waitFor('first join', () => m.joins.length >= 1);
    const producer = kafka(broker.brokers).producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'a' }, { value: 'b' }] });
    await producer.disconnect();
    await waitFor('offsets committed after the failures', async () => (await committed(groupId, topic)) === 2);
    expect(m.joins.length).toBeGreaterThanOrEqual(2);
    expect(m.crashes).toEqual([]);
    expect(broker.faults.list().filter((r) => r.api === 'OffsetCommit')).toEqual([]);
    await m.consumer.disconnect();
  });

  it('OffsetCommit failing with UNKNOWN_SERVER_ERROR crashes the consumer without restart, as against Kafka', async () => {
    const topic = await topicWith(1, 1);
    const groupId = unique('g');
    broker.faults.failNext('OffsetCommit', 'UNKNOWN_SERVER_ERROR', { groupId, count: Number.POSITIVE_INFINITY });
    const m = await startMember(topic, groupId);
    const [crash] = await waitFor('a CRASH event', () => m.crashes.length > 0 && m.crashes);
    expect(crash?.restart).toBe(false);
    expect(crash?.cause).toBe('UNKNOWN');
    broker.faults.clear();
    await m.consumer.disconnect();
  });

  it('Heartbeat answered REBALANCE_IN_PROGRESS makes the member rejoin the next generation', async () => {
    const topic = await topicWith(1);
    const groupId = unique('g');
    const m = await startMember(topic, groupId);
    await waitFor('first join', () => m.joins.length >= 1);
    broker.faults.failNext('Heartbeat', 'REBALANCE_IN_PROGRESS', { groupId });
    await waitFor('rejoin', () => m.joins.length >= 2);
    expect(m.rebalancing.length).toBeGreaterThanOrEqual(1);
    expect(m.joins[1]?.memberId).toBe(m.joins[0]?.memberId);
    await m.consumer.disconnect();
  });

  it('expiring a member makes it rejoin under a new member id', async () => {
    const topic = await topicWith(2);
    const groupId = unique('g');
    const m = await startMember(topic, groupId);
    await waitFor('first join', () => m.joins.length >= 1);
    const first = m.joins[0]?.memberId as string;
    expect(broker.faults.expireMember(groupId)).toEqual([first]);
    await waitFor('rejoin as a new member', () => m.joins.length >= 2);
    expect(m.joins[1]?.memberId).not.toBe(first);
    expect(m.assignments.current()).toEqual([0, 1]);
    await m.consumer.disconnect();
  });

  it('forcing a rebalance moves every member to the next generation', async () => {
    const topic = await topicWith(2);
    const groupId = unique('g');
    const a = await startMember(topic, groupId);
    const b = await startMember(topic, groupId);
    await waitFor(
      'both assigned one partition',
      () => a.assignments.current()?.length === 1 && b.assignments.current()?.length === 1,
    );
    const generation = broker.state.groups.get(groupId)?.generation as number;
    const joinsBefore = [a.joins.length, b.joins.length] as const;
    expect(broker.faults.forceRebalance(groupId)).toBe(true);
    await waitFor('both members rejoined a new Stable generation', () => {
      const g = broker.state.groups.get(groupId);
      return (
        g?.state === 'Stable' &&
        g.generation > generation &&
        a.joins.length > joinsBefore[0] &&
        b.joins.length > joinsBefore[1]
      );
    });
    expect(a.joins.at(-1)?.memberId).toBe(a.joins[0]?.memberId);
    expect(a.assignments.current()?.length).toBe(1);
    await a.consumer.disconnect();
    await b.consumer.disconnect();
  });
});

describe('Broker > faults > produce and fetch', () => {
  it('a retriable Produce error is retried and the record is stored once', async () => {
    const topic = await topicWith(1);
    broker.faults.failNext('Produce', 'NOT_LEADER_OR_FOLLOWER', { topic });
    const producer = kafka(broker.brokers).producer();
    await producer.connect();
    const [res] = await producer.send({ topic, messages: [{ value: 'once' }] });
    await producer.disconnect();
    expect(res?.baseOffset).toBe('0');
    expect(highWatermark(topic)).toBe(1);
  });

  it('acks=0 gets no response, even when a fault would answer an error (Kafka sends none)', async () => {
    const topic = await topicWith(1);
    const producer = kafka(broker.brokers).producer();
    await producer.connect();
    await producer.send({ topic, acks: 0, messages: [{ value: 'fire-and-forget' }] });
    broker.faults.failNext('Produce', 'NOT_LEADER_OR_FOLLOWER', { topic });
    await producer.send({ topic, acks: 0, messages: [{ value: 'lost to the fault' }] });
    await producer.send({ topic, acks: -1, messages: [{ value: 'acknowledged' }] });
    await producer.disconnect();
    expect(highWatermark(topic)).toBe(2);
  });

  it('a connection dropped before Produce is applied loses nothing and duplicates nothing', async () => {
    const topic = await topicWith(1);
    broker.faults.dropConnection('Produce', 'before', { topic });
    const producer = kafka(broker.brokers).producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'x' }] });
    await producer.disconnect();
    expect(highWatermark(topic)).toBe(1);
  });

  it('a connection dropped after Produce is applied duplicates the record for a plain producer', async () => {
    const topic = await topicWith(1);
    broker.faults.dropConnection('Produce', 'after', { topic });
    const producer = kafka(broker.brokers).producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'x' }] });
    await producer.disconnect();
    expect(highWatermark(topic)).toBe(2);
  });

  it('the idempotent producer de-duplicates the retried batch after such a drop', async () => {
    const topic = await topicWith(1);
    broker.faults.dropConnection('Produce', 'after', { topic });
    const producer = kafka(broker.brokers).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const [first] = await producer.send({ topic, messages: [{ value: 'x' }, { value: 'y' }] });
    const [second] = await producer.send({ topic, messages: [{ value: 'z' }] });
    await producer.disconnect();
    expect(first?.baseOffset).toBe('0');
    expect(second?.baseOffset).toBe('2');
    expect(highWatermark(topic)).toBe(3);
  });

  it('delayed Fetch responses still deliver every message', async () => {
    const topic = await topicWith(1, 3);
    broker.faults.delay('Fetch', 300, { topic, count: 3 });
    const m = await startMember(topic, unique('g'));
    const got = await m.received.until(3);
    expect(got.map((r) => r.value)).toEqual(['m0', 'm1', 'm2']);
    await m.consumer.disconnect();
  });

  it('an unanswered Produce times out in kafkajs, whose idempotent retry is stored once', async () => {
    const topic = await topicWith(1);
    broker.faults.noReply('Produce', { topic });
    const producer = kafka(broker.brokers, unique('p'), { requestTimeout: 300 }).producer({
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const [res] = await producer.send({ topic, messages: [{ value: 'x' }] });
    await producer.disconnect();
    expect(res?.baseOffset).toBe('0');
    expect(highWatermark(topic)).toBe(1);
    expect(broker.faults.list().filter((r) => r.api === 'Produce')).toEqual([]);
  });
});
