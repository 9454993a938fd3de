// Broker > Fetch long-polling: a Fetch with nothing to return waits (up to max_wait) for a Produce, and one
// whose min_bytes is not reached returns what there is once max_wait has passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fetchApi from '../src/apis/fetch/schema.ts';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { kafka, unique } from './helpers.ts';
import { WireClient } from './wire-client.ts';

let broker: BrokerHandle;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

const fetchAt = (c: WireClient, topic: string, offset: number, maxWaitMs: number, minBytes: number) =>
  c.request<fetchApi.FetchResponse>(1, 11, fetchApi, {
    replicaId: -1,
    maxWaitMs,
    minBytes,
    maxBytes: 1 << 20,
    isolationLevel: 1,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic,
        partitions: [
          { partition: 0, currentLeaderEpoch: -1, fetchOffset: offset, logStartOffset: -1, partitionMaxBytes: 1 << 20 },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: '',
  });

const recordBytes = (r: fetchApi.FetchResponse) =>
  (r.responses[0]?.partitions[0]?.records as unknown as Buffer | null)?.length ?? 0;

async function produceOne(topic: string) {
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'x' }] });
  await producer.disconnect();
}

describe('Broker > Fetch long-poll', () => {
  it('answers a parked Fetch with the record produced while it waited', async () => {
    const topic = unique('lp');
    await produceOne(topic);
    const c = await WireClient.connect(broker.brokers);
    const parked = fetchAt(c, topic, 1, 30_000, 1);
    let answered = false;
    void parked.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    await produceOne(topic);
    const res = await parked;
    c.close();
    expect(res.responses[0]?.partitions[0]).toMatchObject({ errorCode: 0, highWatermark: 2 });
    expect(recordBytes(res)).toBeGreaterThan(61);
  });

  it('returns what there is at max_wait when min_bytes is not reached', async () => {
    const topic = unique('lp');
    await produceOne(topic);
    const c = await WireClient.connect(broker.brokers);
    const res = await fetchAt(c, topic, 0, 200, 1 << 20);
    c.close();
    expect(res.responses[0]?.partitions[0]).toMatchObject({ errorCode: 0, highWatermark: 1 });
    expect(recordBytes(res)).toBeGreaterThan(61);
  });

  it('ends parked Fetches when the broker closes, so nothing hangs', async () => {
    const other = await startBroker();
    const topic = unique('lp');
    const admin = kafka(other.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic }] });
    await admin.disconnect();
    const c = await WireClient.connect(other.brokers);
    const parked = fetchAt(c, topic, 0, 60_000, 1).then(
      () => 'answered',
      () => 'connection closed',
    );
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    expect(await parked).toMatch(/answered|connection closed/);
    c.close();
  });
});
