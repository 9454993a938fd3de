// Metadata: this single node leads every partition. Unknown topics are created when the broker allows
// auto-creation and the request does (v4+), otherwise they get UNKNOWN_TOPIC_OR_PARTITION.
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { invalidTopicName } from '../../log/topic-name.ts';
import { defineApi } from '../api.ts';
import { type MetadataRequest, type MetadataResponse, type MetadataTopic, request, response } from './schema.ts';

function describe(ctx: RequestContext, name: string, autoCreate: boolean): MetadataTopic {
  const { topics, config } = ctx.broker;
  let topic = topics.get(name);
  if (!topic) {
    if (invalidTopicName(name))
      return { errorCode: code.INVALID_TOPIC_EXCEPTION, name, isInternal: false, partitions: [] };
    if (!autoCreate) return { errorCode: code.UNKNOWN_TOPIC_OR_PARTITION, name, isInternal: false, partitions: [] };
    topic = topics.create(name, config.defaultPartitions);
  }
  const node = config.nodeId;
  return {
    errorCode: 0,
    name,
    isInternal: false,
    partitions: topic.partitions.map((_, i) => ({
      errorCode: 0,
      partitionIndex: i,
      leaderId: node,
      replicaNodes: [node],
      isrNodes: [node],
    })),
  };
}

function brokersOf(ctx: RequestContext): MetadataResponse['brokers'] {
  const { nodeId, host, port } = ctx.broker.config;
  return [{ nodeId, host, port, rack: null }];
}

export default defineApi<MetadataRequest, MetadataResponse>({
  name: 'Metadata',
  minVersion: 0,
  maxVersion: 6,
  request,
  response,
  handle(req, ctx) {
    const { config, topics } = ctx.broker;
    const all = req.topics === null || (ctx.apiVersion === 0 && req.topics.length === 0);
    const names = all ? topics.names() : (req.topics ?? []).map((t) => t.name);
    const autoCreate = config.autoCreateTopics && (ctx.apiVersion < 4 || req.allowAutoTopicCreation);
    return {
      brokers: brokersOf(ctx),
      clusterId: config.clusterId,
      controllerId: config.nodeId,
      topics: names.map((name) => describe(ctx, name, autoCreate)),
    };
  },
  fail: (req, errorCode, ctx) => ({
    brokers: brokersOf(ctx),
    clusterId: ctx.broker.config.clusterId,
    controllerId: ctx.broker.config.nodeId,
    topics: (req.topics ?? []).map((t) => ({ errorCode, name: t.name, isInternal: false, partitions: [] })),
  }),
});
