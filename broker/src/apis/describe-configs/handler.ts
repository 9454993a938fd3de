// DescribeConfigs for topic and broker resources (configs/described-configs.ts), with Kafka's errors: an
// unknown topic, a broker id other than this node's, a resource type this broker has no configs for.
// As Kafka 4.4, a result without a message carries an empty string, not null.
import { brokerConfigs, type DescribedConfig, topicConfigs } from '../../configs/described-configs.ts';
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { invalidTopicName } from '../../log/topic-name.ts';
import { defineApi } from '../api.ts';
import {
  type DescribeConfigsRequest,
  type DescribeConfigsResource,
  type DescribeConfigsResponse,
  type DescribeConfigsResult,
  flexibleFrom,
  request,
  response,
} from './schema.ts';

/** Kafka's ConfigResource.Type ids. */
export const ResourceType = { TOPIC: 2, BROKER: 4 } as const;

function configsOf(
  ctx: RequestContext,
  r: DescribeConfigsResource,
): DescribedConfig[] | { errorCode: number; errorMessage: string } {
  const { config, topics } = ctx.broker;
  if (r.resourceType === ResourceType.TOPIC) {
    const nameProblem = invalidTopicName(r.resourceName);
    if (nameProblem) return { errorCode: code.INVALID_TOPIC_EXCEPTION, errorMessage: nameProblem };
    const topic = topics.get(r.resourceName);
    // Kafka 4.4 answers an unknown topic with an empty message.
    if (!topic) return { errorCode: code.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: '' };
    return topicConfigs(config, topic.configs);
  }
  if (r.resourceType === ResourceType.BROKER) {
    if (r.resourceName !== '' && r.resourceName !== String(config.nodeId)) {
      return {
        errorCode: code.INVALID_REQUEST,
        errorMessage: `Unexpected broker id, expected ${config.nodeId} or empty string, but received ${r.resourceName}`,
      };
    }
    return brokerConfigs(config);
  }
  return { errorCode: code.INVALID_REQUEST, errorMessage: `Unsupported resource type ${r.resourceType}` };
}

function describe(ctx: RequestContext, req: DescribeConfigsRequest, r: DescribeConfigsResource): DescribeConfigsResult {
  const base = { resourceType: r.resourceType, resourceName: r.resourceName };
  const found = configsOf(ctx, r);
  if (!Array.isArray(found)) return { ...base, ...found, configs: [] };
  const keys = r.configurationKeys === null ? null : new Set(r.configurationKeys);
  const configs = found
    .filter((c) => keys === null || keys.has(c.name))
    .map((c) => (req.includeSynonyms ? c : { ...c, synonyms: [] }));
  return { ...base, errorCode: 0, errorMessage: '', configs };
}

export default defineApi<DescribeConfigsRequest, DescribeConfigsResponse>({
  name: 'DescribeConfigs',
  minVersion: 1,
  maxVersion: 4,
  flexibleFrom,
  request,
  response,
  handle: (req, ctx) => ({ results: req.resources.map((r) => describe(ctx, req, r)) }),
  fail: (req, errorCode) => ({
    results: req.resources.map((r) => ({
      errorCode,
      errorMessage: null,
      resourceType: r.resourceType,
      resourceName: r.resourceName,
      configs: [],
    })),
  }),
});
