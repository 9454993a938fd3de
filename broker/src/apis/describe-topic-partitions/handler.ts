// DescribeTopicPartitions as Kafka's handler: the named topics (all topics when none is named) sorted by
// name, starting at the cursor, at most `responsePartitionLimit` partitions (capped at Kafka's default
// max.request.partition.size.limit, 2000), with a next cursor where the page ends. An unknown topic gets
// UNKNOWN_TOPIC_OR_PARTITION. One node leads every partition at epoch 0 (leaders never move here), and
// the eligible-leader-replica lists are empty, as Kafka reports them for a healthy single-node topic.
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { defineApi } from '../api.ts';
import {
  type Cursor,
  type DescribedTopic,
  type DescribeTopicPartitionsRequest,
  type DescribeTopicPartitionsResponse,
  flexibleFrom,
  request,
  response,
} from './schema.ts';

const MAX_PARTITIONS = 2000;
const ZERO_UUID = Buffer.alloc(16);

function describe(req: DescribeTopicPartitionsRequest, ctx: RequestContext): DescribeTopicPartitionsResponse {
  const { topics, config } = ctx.broker;
  const node = config.nodeId;
  const requested = req.topics.length > 0 ? [...new Set(req.topics.map((t) => t.name))] : topics.names();
  const names = requested.sort().filter((n) => req.cursor === null || n >= req.cursor.topicName);
  let budget = Math.min(req.responsePartitionLimit > 0 ? req.responsePartitionLimit : MAX_PARTITIONS, MAX_PARTITIONS);
  const out: DescribedTopic[] = [];
  let nextCursor: Cursor | null = null;
  for (const name of names) {
    const topic = topics.get(name);
    if (!topic) {
      out.push({
        errorCode: code.UNKNOWN_TOPIC_OR_PARTITION,
        name,
        topicId: ZERO_UUID,
        isInternal: false,
        partitions: [],
      });
      continue;
    }
    if (budget === 0) {
      nextCursor = { topicName: name, partitionIndex: 0 };
      break;
    }
    const first = req.cursor !== null && req.cursor.topicName === name ? req.cursor.partitionIndex : 0;
    const indexes = topic.partitions.map((_, i) => i).filter((i) => i >= first);
    const page = indexes.slice(0, budget);
    budget -= page.length;
    out.push({
      errorCode: 0,
      name,
      topicId: topic.id,
      isInternal: false,
      partitions: page.map((partitionIndex) => ({
        errorCode: 0,
        partitionIndex,
        leaderId: node,
        leaderEpoch: 0,
        replicaNodes: [node],
        isrNodes: [node],
        eligibleLeaderReplicas: [],
        lastKnownElr: [],
        offlineReplicas: [],
      })),
    });
    if (page.length < indexes.length) {
      nextCursor = { topicName: name, partitionIndex: indexes[page.length] as number };
      break;
    }
  }
  return { topics: out, nextCursor };
}

export default defineApi<DescribeTopicPartitionsRequest, DescribeTopicPartitionsResponse>({
  name: 'DescribeTopicPartitions',
  minVersion: 0,
  maxVersion: 0,
  flexibleFrom,
  request,
  response,
  handle: describe,
  fail: (req, errorCode) => ({
    topics: req.topics.map((t) => ({ errorCode, name: t.name, topicId: ZERO_UUID, isInternal: false, partitions: [] })),
    nextCursor: null,
  }),
});
