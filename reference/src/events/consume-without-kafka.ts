import type { KafkaMessage, Message } from 'kafkajs';
import { Registry } from 'prom-client';
import type { Database } from '../shared/db/queryable.ts';
import type { ConsumerStepsWrapper } from './consumer/consumer-steps.ts';
import { payloadValidator } from './consumer/payload-validator.ts';
import { createRecordProcessor, processRecords } from './consumer/process-records.ts';
import { defaultHandlers } from './handlers/index.ts';
import { createEventMetrics } from './metrics.ts';
import { loadEventTopology } from './topology.ts';

export interface ConsumeWithoutKafkaOptions {
  db: Database;
  /** The consumer group as the AsyncAPI documents name it, e.g. `feed-service`. */
  group: string;
  /** Consecutive records of one partition of the group's topic. */
  records: KafkaMessage[];
  /** Receives what the group would publish to its retry and dead-letter topics. */
  send: (topic: string, messages: Message[]) => Promise<void>;
  consumerSteps?: ConsumerStepsWrapper;
}

/**
 * Hands records to one consumer group exactly as the event side does, with no Kafka in between: envelope decoding,
 * the AsyncAPI payload schema, the inbox and the group's own handler in one transaction, failures routed through
 * `send`. For contract tests of a consumer (pact/'s message pacts).
 */
export async function consumeWithoutKafka(options: ConsumeWithoutKafkaOptions): Promise<void> {
  const topology = loadEventTopology();
  const binding = topology.consumed.find((c) => c.group === options.group);
  if (!binding) throw new Error(`no consumer group ${options.group} in specs/asyncapi`);
  const handler = defaultHandlers()[options.group];
  if (!handler) throw new Error(`no event handler for consumer group ${options.group}`);
  const wrap = options.consumerSteps;
  const processor = createRecordProcessor(
    {
      binding,
      handler,
      validate: payloadValidator(binding.payloadSchema),
      expectedType: topology.produced.find((p) => p.topic === binding.topic)?.ceType,
      db: options.db,
      send: options.send,
      metrics: createEventMetrics(new Registry()),
      now: Date.now,
    },
    wrap && ((steps) => wrap({ group: binding.group, topic: binding.topic }, steps)),
  );
  await processRecords(processor, binding.topic, 0, options.records);
}
