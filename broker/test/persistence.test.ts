// Broker > persistence and retention: the embedded default keeps topics, records and committed offsets
// across a restart when given a data directory, and bounds what it keeps per partition.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { collect, consumerConfig, FAST, kafka, unique } from './helpers.ts';

const dirs: string[] = [];
const brokers: BrokerHandle[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-data-'));
  dirs.push(d);
  return d;
};
const start = async (opts: Parameters<typeof startBroker>[0]) => {
  const b = await startBroker({ minSessionTimeoutMs: 500, initialRebalanceDelayMs: 0, ...opts });
  brokers.push(b);
  return b;
};
afterEach(async () => {
  for (const b of brokers.splice(0)) await b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function produce(b: BrokerHandle, topic: string, values: string[], oneBatchEach = false) {
  const producer = kafka(b.brokers).producer();
  await producer.connect();
  if (oneBatchEach) for (const value of values) await producer.send({ topic, messages: [{ value }] });
  else
    await producer.send({
      topic,
      messages: values.map((value, i) => ({ key: `k${i}`, value, headers: { n: String(i) } })),
    });
  await producer.disconnect();
}

async function consumeAll(b: BrokerHandle, topic: string, groupId: string, n: number) {
  const consumer = kafka(b.brokers).consumer(consumerConfig(groupId, FAST));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got = await collect(consumer).until(n);
  await consumer.disconnect();
  return got;
}

describe('Broker > persistence', () => {
  it('keeps topics, records with headers and committed offsets across a restart', async () => {
    const dataDir = tempDir();
    const topic = unique('p');
    const groupId = unique('g');
    let b = await start({ dataDir, defaultPartitions: 2 });
    await produce(b, topic, ['a', 'b', 'c', 'd']);
    const before = await consumeAll(b, topic, groupId, 4);
    await b.close();

    b = await start({ dataDir });
    const admin = kafka(b.brokers).admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed?.partitions.map((p) => Number(p.offset)).reduce((x, y) => x + y)).toBe(4);
    const again = await consumeAll(b, topic, unique('fresh'), 4);
    const view = (ms: typeof before) =>
      ms.map((m) => `${m.partition}/${m.offset}/${m.key}/${m.value}/${m.headers.n}`).sort();
    expect(view(again)).toEqual(view(before));
    await produce(b, topic, ['e']);
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.map((o) => Number(o.high)).reduce((x, y) => x + y)).toBe(5);
    const resumed = await consumeAll(b, topic, groupId, 1);
    expect(resumed.map((m) => m.value)).toEqual(['e']);
    await admin.disconnect();
  });

  it('keeps idempotent-producer state: a producer carries on across a restart and its retry is still de-duplicated', async () => {
    const dataDir = tempDir();
    const topic = unique('idem');
    let b = await start({ dataDir });
    const port = b.port;
    const producer = kafka(b.brokers, unique('idem'), { retry: { initialRetryTime: 100, retries: 10 } }).producer({
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'a' }, { value: 'b' }] });
    await b.close();
    b = await start({ dataDir, port });
    b.faults.dropConnection('Produce', 'after', { topic });
    const [res] = await producer.send({ topic, messages: [{ value: 'c' }] });
    await producer.disconnect();
    expect(res?.baseOffset).toBe('2');
    expect(b.state.topics.partition(topic, 0)?.highWatermark).toBe(3);
  });

  it('cuts a torn write at the end of a log file and keeps serving', async () => {
    const dataDir = tempDir();
    const topic = unique('torn');
    let b = await start({ dataDir });
    await produce(b, topic, ['x', 'y'], true);
    await b.close();
    const file = path.join(dataDir, 'logs', `${topic}-0.log`);
    const intact = fs.statSync(file).size;
    fs.appendFileSync(file, Buffer.from([0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 0, 9]));
    b = await start({ dataDir });
    expect(fs.statSync(file).size).toBe(intact);
    await produce(b, topic, ['z'], true);
    expect((await consumeAll(b, topic, unique('g'), 3)).map((m) => [m.offset, m.value])).toEqual([
      [0, 'x'],
      [1, 'y'],
      [2, 'z'],
    ]);
  });

  it("removes a deleted topic's files", async () => {
    const dataDir = tempDir();
    const topic = unique('del');
    const b = await start({ dataDir });
    await produce(b, topic, ['x']);
    expect(fs.existsSync(path.join(dataDir, 'logs', `${topic}-0.log`))).toBe(true);
    const admin = kafka(b.brokers).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
    expect(fs.existsSync(path.join(dataDir, 'logs', `${topic}-0.log`))).toBe(false);
  });
});

describe('Broker > retention', () => {
  it('drops the oldest batches beyond the record bound, and consumers start at the new log start', async () => {
    const topic = unique('ret');
    const b = await start({ retention: { maxRecords: 10 } });
    await produce(
      b,
      topic,
      Array.from({ length: 30 }, (_, i) => `v${i}`),
      true,
    );
    const admin = kafka(b.brokers).admin();
    await admin.connect();
    const [o] = await admin.fetchTopicOffsets(topic);
    expect([Number(o?.low), Number(o?.high)]).toEqual([20, 30]);
    await admin.disconnect();
    const got = await consumeAll(b, topic, unique('g'), 10);
    expect(got.map((m) => m.offset)).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
  });

  it('bounds memory and the file by bytes', async () => {
    const dataDir = tempDir();
    const topic = unique('ret-bytes');
    const b = await start({ dataDir, retention: { maxBytes: 64 * 1024 } });
    const big = 'x'.repeat(8 * 1024);
    await produce(
      b,
      topic,
      Array.from({ length: 300 }, () => big),
      true,
    );
    const log = b.state.topics.partition(topic, 0)!;
    expect(log.bytes).toBeLessThanOrEqual(64 * 1024 + 9 * 1024);
    expect(log.logStartOffset).toBeGreaterThan(250);
    expect(log.highWatermark).toBe(300);
    expect(fs.statSync(path.join(dataDir, 'logs', `${topic}-0.log`)).size).toBeLessThan(1.3 * 1024 * 1024);
  });
});

describe('Broker > topic config overrides', () => {
  it('applies retention.bytes and max.message.bytes per topic and keeps them, and the topic id, across a restart', async () => {
    const dataDir = tempDir();
    let b = await start({ dataDir });
    const small = unique('small');
    const plain = unique('plain');
    const admin = kafka(b.brokers).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        {
          topic: small,
          configEntries: [
            { name: 'retention.bytes', value: '300' },
            { name: 'max.message.bytes', value: '400' },
          ],
        },
        { topic: plain },
      ],
    });
    await admin.disconnect();
    const values = Array.from({ length: 10 }, (_, i) => `value-${i}`);
    await produce(b, small, values, true);
    await produce(b, plain, values, true);
    expect(b.state.topics.partition(small, 0)?.logStartOffset).toBeGreaterThan(0);
    expect(b.state.topics.partition(plain, 0)?.logStartOffset).toBe(0);
    await expect(produce(b, small, ['x'.repeat(500)])).rejects.toMatchObject({ type: 'MESSAGE_TOO_LARGE' });
    await produce(b, plain, ['x'.repeat(500)]);
    const id = b.state.topics.get(small)?.id.toString('hex');

    await b.close();
    b = await start({ dataDir });
    expect(b.state.topics.get(small)?.id.toString('hex')).toBe(id);
    const after = kafka(b.brokers).admin();
    await after.connect();
    const { resources } = await after.describeConfigs({
      resources: [{ type: 2, name: small, configNames: ['retention.bytes', 'max.message.bytes'] }],
      includeSynonyms: false,
    });
    await after.disconnect();
    expect(resources[0]?.configEntries.map((e) => [e.configName, e.configValue, e.configSource])).toEqual([
      ['max.message.bytes', '400', 1],
      ['retention.bytes', '300', 1],
    ]);
    await expect(produce(b, small, ['x'.repeat(500)])).rejects.toMatchObject({ type: 'MESSAGE_TOO_LARGE' });
  }, 60_000);
});
