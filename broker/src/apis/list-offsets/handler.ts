// ListOffsets: -1 = latest (high watermark), -2 = earliest (log start), otherwise the first record
// whose timestamp is >= the one asked for (offset -1 if none).
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import { type ListOffsetsPartition, type ListOffsetsRequest, type ListOffsetsResponse, request, response } from './schema.ts';

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

export default defineApi<ListOffsetsRequest, ListOffsetsResponse>({
  name: 'ListOffsets',
  minVersion: 1,
  maxVersion: 3,
  request,
  response,
  handle: (req, ctx) => ({
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => lookup(ctx, t.name, p.partitionIndex, p.timestamp)),
    })),
  }),
  fail: (req, errorCode) => ({
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode, timestamp: -1, offset: -1 })),
    })),
  }),
});
