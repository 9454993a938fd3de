// Produce validation on the wire: what the broker answers for bad batches, bad acks, size and timestamp
// bounds, and idempotent-producer sequences (batches built by kafkajs's encoder, then altered).
import * as produceApi from '../../src/apis/produce/schema.ts';
import { crc32c } from '../../src/log/crc32c.ts';
import { Reader } from '../../src/wire/reader.ts';
import { decodeStruct } from '../../src/wire/schema.ts';
import { kafka, unique } from '../helpers.ts';
import { kafkajsEncode, Long } from '../oracle/kafkajs-protocol.ts';
import { WireClient } from '../wire-client.ts';

interface BatchOptions {
  producerId?: number;
  seq?: number;
  ts?: number;
  size?: number;
}

async function batch(n: number, o: BatchOptions = {}): Promise<Buffer> {
  const bytes = await kafkajsEncode('produce', 3, {
    acks: -1,
    timeout: 1000,
    compression: 0,
    producerId: Long.fromInt(o.producerId ?? -1),
    producerEpoch: 0,
    topicData: [
      {
        topic: 't',
        partitions: [
          {
            partition: 0,
            firstSequence: o.seq ?? 0,
            messages: Array.from({ length: n }, (_, i) => ({
              value: o.size ? Buffer.alloc(o.size) : `v${i}`,
              timestamp: o.ts ?? Date.now(),
            })),
          },
        ],
      },
    ],
  });
  const req = decodeStruct<produceApi.ProduceRequest>(new Reader(bytes), produceApi.request, 3);
  return Buffer.from(req.topics[0]?.partitions[0]?.records as Buffer);
}

export async function produceErrors(brokers: string): Promise<Record<string, unknown>> {
  const topic = unique('pe');
  const admin = kafka(brokers).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const c = await WireClient.connect(brokers);
  const send = async (records: Buffer, acks = -1, name = topic, index = 0) => {
    const r = await c.request<produceApi.ProduceResponse>(0, 7, produceApi, {
      transactionalId: null,
      acks,
      timeoutMs: 5000,
      topics: [{ name, partitions: [{ index, records }] }],
    });
    const p = r.responses[0]?.partitions[0];
    return [p?.errorCode, p?.baseOffset];
  };
  const pid = 900_000 + Math.floor(Math.random() * 90_000);
  try {
    const out: Record<string, unknown> = {};
    out.ok = await send(await batch(2));
    out.unknownTopic = await send(await batch(1), -1, `missing-${topic}`);
    out.unknownPartition = await send(await batch(1), -1, topic, 7);
    const corrupt = await batch(1);
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length - 1) ^ 0xff, corrupt.length - 1);
    out.badCrc = await send(corrupt);
    out.twoBatches = await send(Buffer.concat([await batch(1), await batch(1)]));
    const legacy = await batch(1);
    legacy.writeInt8(1, 16);
    legacy.writeUInt32BE(crc32c(legacy, 21), 17);
    out.magic1 = await send(legacy);
    out.acks2 = await send(await batch(1), 2);
    out.emptyRecords = await send(Buffer.alloc(0));
    out.tooLarge = await send(await batch(2, { size: 700 * 1024 }));
    out.twoHoursAhead = await send(await batch(1, { ts: Date.now() + 2 * 3_600_000 }));
    out.year1970 = await send(await batch(1, { ts: 1000 }));
    out.newProducerSeq5 = await send(await batch(1, { producerId: pid + 1, seq: 5 }));
    out.producerSeq0 = await send(await batch(1, { producerId: pid, seq: 0 }));
    out.sequenceGap = await send(await batch(1, { producerId: pid, seq: 3 }));
    out.nextSequence = await send(await batch(1, { producerId: pid, seq: 1 }));
    out.retryOfLast = await send(await batch(1, { producerId: pid, seq: 1 }));
    out.retryOfEarlier = await send(await batch(1, { producerId: pid, seq: 0 }));
    return out;
  } finally {
    c.close();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
