import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * The event topology as `specs/asyncapi` states it: what each producer publishes and, per consumer group, the topic
 * it consumes with its retry chain and dead-letter topic. Read from the documents, never hard-coded here.
 */
export const ASYNCAPI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../specs/asyncapi');
export const EVENT_DOCUMENTS = ['posts.yaml', 'messages.yaml'] as const;

export interface ProducedTopic {
  topic: string;
  ceType: string;
  ceSource: string;
  partitions: number;
  /** JSON pointer into the payload that holds the aggregate id (the record key). */
  keyPointer: string;
  /** The payload's JSON Schema (components.schemas of the document). */
  payloadSchema: Record<string, unknown>;
}

export interface ConsumedTopic {
  group: string;
  topic: string;
  partitions: number;
  retryTopics: string[];
  retryDelaysMs: number[];
  dlqTopic: string;
  payloadSchema: Record<string, unknown>;
}

export interface EventTopology {
  produced: ProducedTopic[];
  consumed: ConsumedTopic[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the YAML is checked by specs/test/asyncapi.test.ts
type Raw = Record<string, any>;

const refName = (ref: string) => ref.split('/').pop() as string;

function readDocument(file: string): { produced: ProducedTopic[]; consumed: ConsumedTopic[] } {
  const doc: Raw = parse(readFileSync(path.join(ASYNCAPI_DIR, file), 'utf8'));
  const produced: ProducedTopic[] = [];
  const consumed: ConsumedTopic[] = [];
  for (const op of Object.values<Raw>(doc.operations)) {
    const channel: Raw = doc.channels[refName(op.channel.$ref)];
    const topic: string = channel.address;
    const partitions: number = channel.bindings.kafka.partitions;
    const message: Raw = doc.components.messages[refName(Object.values<Raw>(channel.messages)[0]!.$ref)];
    const payloadSchema = doc.components.schemas[refName(message.payload.$ref)];
    if (op.action === 'send' && op['x-producer']) {
      produced.push({
        topic,
        partitions,
        ceType: message['x-ce-type'],
        ceSource: message['x-ce-source'],
        keyPointer: String(message['x-key'].from).replace('$message.payload#', ''),
        payloadSchema,
      });
    }
    const consumer: Raw | undefined = op['x-consumer'];
    if (op.action === 'receive' && consumer) {
      consumed.push({
        group: consumer.group,
        topic,
        partitions,
        retryTopics: consumer.retry.topics,
        retryDelaysMs: consumer.retry.backoff.delaysMs,
        dlqTopic: consumer.dlq.topic,
        payloadSchema,
      });
    }
  }
  return { produced, consumed };
}

export function loadEventTopology(): EventTopology {
  const parts = EVENT_DOCUMENTS.map(readDocument);
  return { produced: parts.flatMap((p) => p.produced), consumed: parts.flatMap((p) => p.consumed) };
}

/**
 * Prefixes every topic and group name, so several platforms (tests, benchmarks) can share one broker without
 * seeing each other's records; '' leaves the spec's names.
 */
export function withNamespace(topology: EventTopology, prefix: string): EventTopology {
  if (!prefix) return topology;
  const p = (t: string) => `${prefix}${t}`;
  return {
    produced: topology.produced.map((t) => ({ ...t, topic: p(t.topic) })),
    consumed: topology.consumed.map((c) => ({
      ...c,
      group: p(c.group),
      topic: p(c.topic),
      retryTopics: c.retryTopics.map(p),
      dlqTopic: p(c.dlqTopic),
    })),
  };
}
