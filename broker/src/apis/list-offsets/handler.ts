// ListOffsets: -1 = latest (high watermark), -2 = earliest (log start), otherwise the first record
// whose timestamp is >= the one asked for (offset -1 if none).
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import {
  type ListOffsetsPartition,
  type ListOffsetsRequest,
  type ListOffsetsResponse,
  request,
  response,
} from './schema.ts';

const LATEST = -1;
const EARLIEST = -2;

function lookup(ctx: RequestContext, topic: string, partitionIndex: number, timestamp: number): ListOffsetsPartition {
  const log = ctx.broker.topics.partition(topic, partitionIndex);
  if (!log) return { partitionIndex, errorCode: code.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1 };
  if (timestamp === LATEST) return { partitionIndex, errorCode: 0, timestamp: -1, offset: log.highWatermark };
  if (timestamp === EARLIEST) return { partitionIndex, errorCode: 0, timestamp: -1, offset: log.logStartOffset };
  if (timestamp < 0) return { partitionIndex, errorCode: code.UNSUPPORTED_VERSION, timestamp: -1, offset: -1 };
  const hit = log.offsetForTimestamp(timestamp);
  return hit
    ? { partitionIndex, errorCode: 0, timestamp: hit.timestamp, offset: hit.offset }
    : { partitionIndex, errorCode: 0, timestamp: -1, offset: -1 };
}

/** Kafka answers a partition asked for twice once, with INVALID_REQUEST. */
function answerTopic(ctx: RequestContext, t: ListOffsetsRequest['topics'][number]): ListOffsetsPartition[] {
  const counts = new Map<number, number>();
  for (const p of t.partitions) counts.set(p.partitionIndex, (counts.get(p.partitionIndex) ?? 0) + 1);
  const answered = new Set<number>();
  const out: ListOffsetsPartition[] = [];
  for (const p of t.partitions) {
    if (answered.has(p.partitionIndex)) continue;
    answered.add(p.partitionIndex);
    out.push(
      (counts.get(p.partitionIndex) ?? 0) > 1
        ? { partitionIndex: p.partitionIndex, errorCode: code.INVALID_REQUEST, timestamp: -1, offset: -1 }
        : lookup(ctx, t.name, p.partitionIndex, p.timestamp),
    );
  }
  return out;
}

export default defineApi<ListOffsetsRequest, ListOffsetsResponse>({
  name: 'ListOffsets',
  minVersion: 1,
  maxVersion: 3,
  request,
  response,
  handle: (req, ctx) => ({ topics: req.topics.map((t) => ({ name: t.name, partitions: answerTopic(ctx, t) })) }),
  fail: (req, errorCode) => ({
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode, timestamp: -1, offset: -1 })),
    })),
  }),
});
