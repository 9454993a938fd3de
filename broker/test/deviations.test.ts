// Broker > known deviations from Apache Kafka (docs/broker.md lists each with this test's name).
// Each test pins the embedded broker's behaviour and says what Kafka does instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as iacApi from '../src/apis/incremental-alter-configs/schema.ts';
import * as metadataApi from '../src/apis/metadata/schema.ts';
import * as produceApi from '../src/apis/produce/schema.ts';
import type { ProduceRequest } from '../src/apis/produce/schema.ts';
import { Reader } from '../src/wire/reader.ts';
import { decodeStruct } from '../src/wire/schema.ts';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { crc32c } from '../src/log/crc32c.ts';
import { PartitionLog } from '../src/log/partition-log.ts';
import { readBatchHeader } from '../src/log/record-batch.ts';
import { kafka, unique } from './helpers.ts';
import { kafkajsEncode } from './oracle/kafkajs-protocol.ts';
import { WireClient } from './wire-client.ts';

let broker: BrokerHandle;
beforeAll(async () => {
  broker = await startBroker({ initialRebalanceDelayMs: 0 });
});
afterAll(() => broker.close());

/** One magic-v2 batch as kafkajs encodes it for Produce v3. */
async function kafkajsBatch(timestamps: number[]): Promise<Buffer> {
  const bytes = await kafkajsEncode('produce', 3, {
    acks: -1,
    timeout: 1000,
    compression: 0,
    topicData: [
      {
        topic: 't',
        partitions: [{ partition: 0, messages: timestamps.map((timestamp, i) => ({ value: `v${i}`, timestamp })) }],
      },
    ],
  });
  const req = decodeStruct<ProduceRequest>(new Reader(bytes), produceApi.request, 3);
  return req.topics[0]?.partitions[0]?.records as Buffer;
}

describe('Broker > deviations', () => {
  it('D1 creates an auto-created topic synchronously (Kafka 4.4 first answers UNKNOWN_TOPIC_OR_PARTITION and creates it in the background)', async () => {
    const c = await WireClient.connect(broker.brokers);
    const topic = unique('auto');
    const md = await c.request<metadataApi.MetadataResponse>(3, 6, metadataApi, {
      topics: [{ name: topic }],
      allowAutoTopicCreation: true,
    });
    c.close();
    expect(md.topics[0]).toMatchObject({
      errorCode: 0,
      name: topic,
      partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1 }],
    });
  });

  it('D2 declines transactions: InitProducerId with a transactional id gets 53, so kafkajs fails fast', async () => {
    const producer = kafka(broker.brokers).producer({
      transactionalId: unique('txn'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    await expect(producer.transaction()).rejects.toMatchObject({ type: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED' });
    await producer.disconnect();
  });

  it('D3 does not advertise APIs outside its scope (AlterConfigs, ACLs, DeleteRecords, transactions)', async () => {
    const admin = kafka(broker.brokers).admin();
    await admin.connect();
    const topic = unique('d3');
    await admin.createTopics({ topics: [{ topic }] });
    await expect(
      admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: 2, name: topic, configEntries: [{ name: 'retention.bytes', value: '1000' }] }],
      }),
    ).rejects.toMatchObject({ name: 'KafkaJSServerDoesNotSupportApiKey' });
    // kafkajs wraps this one: "The Kafka server does not support the requested API version".
    await expect(
      admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '0' }] }),
    ).rejects.toMatchObject({
      cause: { name: 'KafkaJSServerDoesNotSupportApiKey' },
    });
    await admin.disconnect();
  });

  it('D4 applies four topic configs; accepts the other names in CreateTopics unchecked, refuses them in IncrementalAlterConfigs', async () => {
    const admin = kafka(broker.brokers).admin();
    await admin.connect();
    const topic = unique('cfg');
    // Kafka: INVALID_CONFIG for the value.
    expect(
      await admin.createTopics({
        topics: [{ topic, configEntries: [{ name: 'retention.ms', value: 'not-a-number' }] }],
      }),
    ).toBe(true);
    await admin.disconnect();
    const c = await WireClient.connect(broker.brokers);
    const alter = async (resourceType: number, resourceName: string, name: string) =>
      (
        await c.request<iacApi.IncrementalAlterConfigsResponse>(44, 1, iacApi, {
          resources: [{ resourceType, resourceName, configs: [{ name, configOperation: 0, value: '1000' }] }],
          validateOnly: false,
        })
      ).responses.map((r) => [r.errorCode, r.errorMessage]);
    // Kafka: both succeed (a topic's retention.ms; a dynamic broker config).
    expect(await alter(2, topic, 'retention.ms')).toEqual([
      [40, expect.stringMatching(/^The embedded broker does not apply the topic config retention.ms/)],
    ]);
    expect(await alter(4, '1', 'log.retention.bytes')).toEqual([
      [42, expect.stringMatching(/no dynamic broker configs/)],
    ]);
    c.close();
  });

  it('D5 answers ListOffsets by timestamp with the batch start for snappy/lz4/zstd batches (exact for none and gzip)', async () => {
    const plain = Buffer.from(await kafkajsBatch([1000, 2000, 3000]));
    const exact = new PartitionLog('t', 0);
    exact.append(plain);
    expect(exact.offsetForTimestamp(2500)).toEqual({ offset: 2, timestamp: 3000 });

    const lz4 = Buffer.from(plain);
    lz4.writeInt16BE(readBatchHeader(lz4).attributes | 3, 21); // codec bits = lz4 (records left as they are)
    lz4.writeUInt32BE(crc32c(lz4, 21), 17);
    const approx = new PartitionLog('t', 0);
    approx.append(lz4);
    expect(approx.offsetForTimestamp(2500)).toEqual({ offset: 0, timestamp: 3000 });
  });

  it('D6 returns whole batches only (Kafka may end a fetch with a partial batch that clients drop)', async () => {
    const batch = await kafkajsBatch([1000]);
    const log = new PartitionLog('t', 0);
    log.append(batch);
    log.append(batch);
    expect(log.read(0, Math.floor(batch.length * 1.5))).toHaveLength(1);
    expect(log.read(0, 1)).toHaveLength(1); // KIP-74: at least one batch, as Kafka
  });

  it('D7 has no internal topics: Metadata for all topics never lists __consumer_offsets (Kafka does, once a group used it)', async () => {
    const admin = kafka(broker.brokers).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: unique('d7') }] });
    const c = await WireClient.connect(broker.brokers);
    const md = await c.request<metadataApi.MetadataResponse>(3, 6, metadataApi, {
      topics: null,
      allowAutoTopicCreation: false,
    });
    c.close();
    await admin.disconnect();
    expect(md.topics.length).toBeGreaterThan(0);
    expect(md.topics.filter((t) => t.isInternal || t.name.startsWith('__'))).toEqual([]);
  });

  it('D8 answers a Produce whose records field is null with INVALID_RECORD (Kafka 4.4 left it unanswered in our probe)', async () => {
    const c = await WireClient.connect(broker.brokers);
    const topic = unique('d8');
    await c.request<metadataApi.MetadataResponse>(3, 6, metadataApi, {
      topics: [{ name: topic }],
      allowAutoTopicCreation: true,
    });
    const r = await c.request<produceApi.ProduceResponse>(0, 7, produceApi, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 1000,
      topics: [{ name: topic, partitions: [{ index: 0, records: null }] }],
    });
    c.close();
    expect(r.responses[0]?.partitions[0]).toMatchObject({ errorCode: 87, baseOffset: -1 });
  });
});
