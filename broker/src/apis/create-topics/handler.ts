// CreateTopics: Kafka's validations (name, duplicates, partitions, replication factor on one broker, config
// names, and the values of the configs the broker applies), then synchronous creation, so the partitions have
// a leader as soon as the response is sent.
import type { RequestContext } from '../../context.ts';
import { code } from '../../errors.ts';
import { TOPIC_CONFIG_NAMES } from '../../log/topic-configs.ts';
import { invalidTopicName } from '../../log/topic-name.ts';
import { topicConfigs } from '../../configs/described-configs.ts';
import { invalidOverride, overridesOf } from '../../configs/topic-overrides.ts';
import { defineApi } from '../api.ts';
import {
  type CreatableTopic,
  type CreateTopicsRequest,
  type CreateTopicsResponse,
  flexibleFrom,
  request,
  response,
} from './schema.ts';

type Outcome = { errorCode: number; errorMessage: string | null };
const ok: Outcome = { errorCode: 0, errorMessage: null };
const err = (errorCode: number, errorMessage: string): Outcome => ({ errorCode, errorMessage });

function validate(ctx: RequestContext, t: CreatableTopic): Outcome & { partitions: number } {
  const fail = (o: Outcome) => ({ ...o, partitions: 0 });
  const nameProblem = invalidTopicName(t.name);
  if (nameProblem) return fail(err(code.INVALID_TOPIC_EXCEPTION, nameProblem));
  if (ctx.broker.topics.get(t.name)) return fail(err(code.TOPIC_ALREADY_EXISTS, `Topic '${t.name}' already exists.`));
  if (t.assignments.length > 0) {
    if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
      return fail(
        err(
          code.INVALID_REQUEST,
          'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.',
        ),
      );
    }
    return { ...ok, partitions: t.assignments.length };
  }
  if (t.numPartitions === 0 || t.numPartitions < -1)
    return fail(err(code.INVALID_PARTITIONS, 'Number of partitions must be larger than 0.'));
  if (t.replicationFactor === 0 || t.replicationFactor < -1) {
    return fail(err(code.INVALID_REPLICATION_FACTOR, 'Replication factor must be larger than 0.'));
  }
  if (t.replicationFactor > 1) {
    return fail(
      err(
        code.INVALID_REPLICATION_FACTOR,
        `Replication factor: ${t.replicationFactor} larger than available brokers: 1.`,
      ),
    );
  }
  const unknownConfig = t.configs.find((c) => !TOPIC_CONFIG_NAMES.has(c.name));
  if (unknownConfig) return fail(err(code.INVALID_CONFIG, `Unknown topic config name: ${unknownConfig.name}`));
  const badValue = t.configs.map((c) => invalidOverride(c.name, c.value)).find((m) => m !== null);
  if (badValue) return fail(err(code.INVALID_CONFIG, badValue));
  return { ...ok, partitions: t.numPartitions === -1 ? ctx.broker.config.defaultPartitions : t.numPartitions };
}

export default defineApi<CreateTopicsRequest, CreateTopicsResponse>({
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 6,
  flexibleFrom,
  request,
  response,
  handle(req, ctx) {
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    // A name given twice is answered once, with INVALID_REQUEST, as Kafka does.
    const firsts = req.topics.filter((t, i) => req.topics.findIndex((o) => o.name === t.name) === i);
    return {
      topics: firsts.map((t) => {
        if ((counts.get(t.name) ?? 0) > 1) {
          return {
            name: t.name,
            ...err(code.INVALID_REQUEST, `Create topics request contains multiple entries for the topic ${t.name}`),
          };
        }
        const { partitions, ...outcome } = validate(ctx, t);
        if (outcome.errorCode !== 0) return { name: t.name, ...outcome };
        const overrides = overridesOf(t.configs);
        if (!req.validateOnly) ctx.broker.topics.create(t.name, partitions, undefined, overrides);
        // v5+: what was (or would be) created; the configs are the topic's as DescribeConfigs lists them.
        const configs = topicConfigs(ctx.broker.config, overrides);
        return { name: t.name, ...outcome, numPartitions: partitions, replicationFactor: 1, configs };
      }),
    };
  },
  fail: (req, errorCode) => ({ topics: req.topics.map((t) => ({ name: t.name, errorCode, errorMessage: null })) }),
});
