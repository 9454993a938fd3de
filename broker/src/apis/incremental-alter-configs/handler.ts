// IncrementalAlterConfigs for topic resources and the topic configs the broker applies
// (configs/topic-overrides.ts): SET and DELETE, with Kafka's checks (unknown topic, unknown name, a name
// twice, APPEND/SUBTRACT on a non-list config, the value). A valid Kafka topic config the broker does not
// apply, and broker resources (no dynamic broker configs here), are refused with INVALID_CONFIG /
// INVALID_REQUEST rather than accepted and ignored (docs/broker.md D4).
import { TOPIC_OVERRIDES, invalidOverride } from '../../configs/topic-overrides.ts';
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { TOPIC_CONFIG_NAMES } from '../../log/topic-configs.ts';
import { defineApi } from '../api.ts';
import { ResourceType } from '../describe-configs/handler.ts';
import {
  type AlterConfigsResource,
  flexibleFrom,
  type IncrementalAlterConfigsRequest,
  type IncrementalAlterConfigsResponse,
  request,
  response,
} from './schema.ts';

const SET = 0;
const DELETE = 1;
const OPERATION_NAMES = ['SET', 'DELETE', 'APPEND', 'SUBTRACT'];

type Outcome = { errorCode: number; errorMessage: string | null };

function alter(ctx: RequestContext, r: AlterConfigsResource, validateOnly: boolean): Outcome {
  const fail = (errorCode: number, errorMessage: string): Outcome => ({ errorCode, errorMessage });
  if (r.resourceType === ResourceType.BROKER) {
    return fail(
      code.INVALID_REQUEST,
      'The embedded broker has no dynamic broker configs: start it with the setting instead',
    );
  }
  if (r.resourceType !== ResourceType.TOPIC)
    return fail(code.INVALID_REQUEST, `Unexpected resource type ${r.resourceType}`);
  const topic = ctx.broker.topics.get(r.resourceName);
  if (!topic) return fail(code.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${r.resourceName}' does not exist.`);
  const names = r.configs.map((c) => c.name);
  if (new Set(names).size !== names.length) return fail(code.INVALID_REQUEST, 'Error due to duplicate config keys');
  const next = new Map(topic.configs);
  for (const c of r.configs) {
    if (!TOPIC_CONFIG_NAMES.has(c.name)) return fail(code.INVALID_CONFIG, `Unknown topic config name: ${c.name}`);
    if (!TOPIC_OVERRIDES[c.name]) {
      return fail(
        code.INVALID_CONFIG,
        `The embedded broker does not apply the topic config ${c.name}; it applies ${Object.keys(TOPIC_OVERRIDES).join(', ')}`,
      );
    }
    if (c.configOperation === DELETE) {
      next.delete(c.name);
      continue;
    }
    if (c.configOperation !== SET) {
      const op = OPERATION_NAMES[c.configOperation];
      return op
        ? fail(code.INVALID_CONFIG, `Can't ${op} to key ${c.name} because its type is not LIST.`)
        : fail(code.INVALID_REQUEST, `Unknown alter configs operation type ${c.configOperation}`);
    }
    const problem = invalidOverride(c.name, c.value);
    if (problem) return fail(code.INVALID_CONFIG, problem);
    next.set(c.name, (c.value ?? '').trim());
  }
  if (!validateOnly) ctx.broker.topics.setConfigs(topic.name, next);
  return { errorCode: 0, errorMessage: null };
}

export default defineApi<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse>({
  name: 'IncrementalAlterConfigs',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom,
  request,
  response,
  handle: (req, ctx) => ({
    responses: req.resources.map((r) => ({
      resourceType: r.resourceType,
      resourceName: r.resourceName,
      ...alter(ctx, r, req.validateOnly),
    })),
  }),
  fail: (req, errorCode) => ({
    responses: req.resources.map((r) => ({
      errorCode,
      errorMessage: null,
      resourceType: r.resourceType,
      resourceName: r.resourceName,
    })),
  }),
});
