// OffsetCommit: one error for the whole request (generation, membership, state) or per partition.
import { defineApi } from '../api.ts';
import { type OffsetCommitRequest, type OffsetCommitResponse, request, response } from './schema.ts';

export default defineApi<OffsetCommitRequest, OffsetCommitResponse>({
  name: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 5,
  request,
  response,
  handle(req, ctx) {
    const flat = req.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        offset: p.committedOffset,
        metadata: p.committedMetadata,
      })),
    );
    const { topics, groups } = ctx.broker;
    const codes = groups.commit(
      req.groupId,
      req.memberId,
      req.generationId,
      flat,
      (p) => topics.partition(p.topic, p.partition) !== undefined,
    );
    let i = 0;
    return {
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: codes[i++] ?? 0 })),
      })),
    };
  },
  fail: (req, errorCode) => ({
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
    })),
  }),
});
