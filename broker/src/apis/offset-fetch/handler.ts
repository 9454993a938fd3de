// OffsetFetch: committed offsets, -1 where nothing is committed. Membership is not required
// (admin.fetchOffsets asks from outside the group).
import { defineApi } from '../api.ts';
import {
  type OffsetFetchPartition,
  type OffsetFetchRequest,
  type OffsetFetchResponse,
  request,
  response,
} from './schema.ts';

export default defineApi<OffsetFetchRequest, OffsetFetchResponse>({
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 4,
  request,
  response,
  handle(req, ctx) {
    const wanted = req.topics?.map((t) => ({ topic: t.name, partitions: t.partitionIndexes })) ?? null;
    const byTopic = new Map<string, OffsetFetchPartition[]>();
    for (const t of req.topics ?? []) byTopic.set(t.name, []);
    for (const o of ctx.broker.groups.fetchOffsets(req.groupId, wanted)) {
      const list = byTopic.get(o.topic) ?? [];
      list.push({ partitionIndex: o.partition, committedOffset: o.offset, metadata: o.metadata, errorCode: 0 });
      byTopic.set(o.topic, list);
    }
    return { errorCode: 0, topics: [...byTopic.entries()].map(([name, partitions]) => ({ name, partitions })) };
  },
  fail: (req, errorCode) => ({
    errorCode,
    topics: (req.topics ?? []).map((t) => ({
      name: t.name,
      partitions: t.partitionIndexes.map((partitionIndex) => ({
        partitionIndex,
        committedOffset: -1,
        metadata: '',
        errorCode,
      })),
    })),
  }),
});
