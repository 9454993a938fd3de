// Fetch: whole stored batches from the first one holding fetch_offset (clients drop the records before it),
// at least one batch even past the byte limits (KIP-74), long-polling until min_bytes or max_wait.
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import {
  type FetchPartitionRequest,
  type FetchPartitionResponse,
  type FetchRequest,
  type FetchResponse,
  request,
  response,
} from './schema.ts';

interface Collected {
  response: FetchResponse;
  bytes: number;
  hasError: boolean;
}

function collect(req: FetchRequest, ctx: RequestContext): Collected {
  let budget = req.maxBytes;
  let bytes = 0;
  let hasError = false;
  const aborted = req.isolationLevel === 1 ? ([] as []) : null;
  const one = (topic: string, p: FetchPartitionRequest): FetchPartitionResponse => {
    const log = ctx.broker.topics.partition(topic, p.partition);
    const base = { partitionIndex: p.partition, abortedTransactions: aborted };
    if (!log) {
      hasError = true;
      const none = { highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, records: null };
      return { ...base, ...none, errorCode: code.UNKNOWN_TOPIC_OR_PARTITION };
    }
    const offsets = {
      highWatermark: log.highWatermark,
      lastStableOffset: log.highWatermark,
      logStartOffset: log.logStartOffset,
    };
    if (p.fetchOffset < log.logStartOffset || p.fetchOffset > log.highWatermark) {
      hasError = true;
      return { ...base, ...offsets, errorCode: code.OFFSET_OUT_OF_RANGE, records: null };
    }
    // The first partition with data always gets a batch; later ones only within the response budget.
    const limit = bytes === 0 ? p.partitionMaxBytes : Math.min(p.partitionMaxBytes, budget);
    const records = limit > 0 || bytes === 0 ? log.read(p.fetchOffset, limit) : [];
    const size = records.reduce((n, b) => n + b.length, 0);
    bytes += size;
    budget -= size;
    return { ...base, ...offsets, errorCode: 0, records };
  };
  const responses = req.topics.map((t) => ({ topic: t.topic, partitions: t.partitions.map((p) => one(t.topic, p)) }));
  return { response: { errorCode: 0, responses }, bytes, hasError };
}

/** Resolves on the next append to any partition, at the deadline, or when the broker closes. */
function nextAppendOrDeadline(ctx: RequestContext, ms: number): Promise<void> {
  const { topics, closing } = ctx.broker;
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      closing.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = topics.onAppend(done);
    closing.addEventListener('abort', done);
  });
}

export default defineApi<FetchRequest, FetchResponse>({
  name: 'Fetch',
  minVersion: 4,
  maxVersion: 11,
  request,
  response,
  async handle(req, ctx) {
    const deadline = Date.now() + Math.max(0, req.maxWaitMs);
    for (;;) {
      const c = collect(req, ctx);
      const left = deadline - Date.now();
      if (c.bytes >= req.minBytes || c.hasError || left <= 0 || ctx.broker.closing.aborted) return c.response;
      await nextAppendOrDeadline(ctx, left);
    }
  },
  fail: (req, errorCode) => ({
    errorCode: 0,
    responses: req.topics.map((t) => ({
      topic: t.topic,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partition,
        errorCode,
        highWatermark: -1,
        lastStableOffset: -1,
        logStartOffset: -1,
        abortedTransactions: null,
        records: null,
      })),
    })),
  }),
});
