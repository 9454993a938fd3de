// Appends each partition's record batch as the client encoded it, after Kafka's validations
// (unknown partition, size, framing/CRC, one batch per partition) and the idempotent-producer checks.
import type { RequestContext } from '../../context.ts';
import { effective } from '../../configs/topic-overrides.ts';
import { code } from '../../errors.ts';
import { readBatchHeader, splitBatches } from '../../log/record-batch.ts';
import { defineApi, NO_RESPONSE } from '../api.ts';
import {
  type PartitionProduceResponse,
  type ProduceRequest,
  type ProduceResponse,
  request,
  response,
} from './schema.ts';

function produceOne(
  ctx: RequestContext,
  topic: string,
  index: number,
  records: Buffer | null,
): PartitionProduceResponse {
  const { topics, producers, config } = ctx.broker;
  const log = topics.partition(topic, index);
  const fail = (errorCode: number): PartitionProduceResponse => ({ index, errorCode, baseOffset: -1 });
  if (!log) return fail(code.UNKNOWN_TOPIC_OR_PARTITION);
  if (records === null || records.length === 0) return fail(code.INVALID_RECORD);
  const overrides = topics.get(topic)?.configs ?? new Map<string, string>();
  if (records.length > effective('max.message.bytes', overrides, config)) return fail(code.MESSAGE_TOO_LARGE);
  const split = splitBatches(records);
  if (!split.ok) return fail(split.reason === 'magic' ? code.INVALID_RECORD : code.CORRUPT_MESSAGE);
  const [batch] = split.batches;
  if (batch === undefined || split.batches.length !== 1) return fail(code.INVALID_RECORD);

  const h = readBatchHeader(batch);
  const now = Date.now();
  const afterMax = effective('message.timestamp.after.max.ms', overrides, config);
  const beforeMax = effective('message.timestamp.before.max.ms', overrides, config);
  if (h.maxTimestamp > now + afterMax || h.firstTimestamp < now - beforeMax) {
    return fail(code.INVALID_TIMESTAMP);
  }
  const idempotent = h.producerId >= 0;
  if (idempotent) {
    const decision = producers.check(h, topic, index);
    if (decision.kind === 'duplicate') {
      return { index, errorCode: 0, baseOffset: decision.baseOffset, logStartOffset: log.logStartOffset };
    }
    if (decision.kind === 'error') return fail(decision.errorCode);
  }
  const stored = topics.append(log, batch);
  if (idempotent) producers.record(h, topic, index, stored.baseOffset);
  return { index, errorCode: 0, baseOffset: stored.baseOffset, logStartOffset: log.logStartOffset };
}

const failAll = (req: ProduceRequest, errorCode: number): ProduceResponse => ({
  responses: req.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({ index: p.index, errorCode, baseOffset: -1 })),
  })),
});

export default defineApi<ProduceRequest, ProduceResponse>({
  name: 'Produce',
  minVersion: 3,
  maxVersion: 7,
  request,
  response,
  handle(req, ctx) {
    if (req.acks !== -1 && req.acks !== 0 && req.acks !== 1) return failAll(req, code.INVALID_REQUIRED_ACKS);
    const responses = req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => produceOne(ctx, t.name, p.index, p.records)),
    }));
    ctx.broker.topics.notifyAppended();
    return req.acks === 0 ? NO_RESPONSE : { responses };
  },
  expectsResponse: (req) => req.acks !== 0,
  fail: failAll,
});
