// The AsyncAPI side: each document's send and receive operations with their channel, message and extensions, and
// from them the event topology (what each producer publishes; per consumer group, the topic it consumes with its
// retry chain and dead-letter topic). Works on a document as parsed (local `$ref`s) or dereferenced.
import { join } from 'node:path';
import { ASYNCAPI_DIR, EVENT_DOCUMENTS, followLocal, readYaml, toPointer, type Json } from './files.ts';

/** `x-consumer` of a receive operation, as written. */
export interface ConsumerExtension {
  group?: string;
  idempotencyKey?: { in?: string; name?: string };
  retry?: { channels?: string[]; topics?: string[]; backoff?: { delaysMs?: number[] }; headersProfile?: string };
  dlq?: { channel?: string; topic?: string; headersProfile?: string };
}

/** An x-effect: the HTTP read that shows a consumed event's effect (docs/spec-conventions.md). */
export interface EffectExtension {
  read: { operationId: string; params?: Record<string, string>; caller: 'any' | { each: string } };
  expect: { items: string; where: Record<string, string>; count: number };
  absentFor?: string[];
}

export interface EventMessage {
  ceType?: string;
  ceSource?: string;
  /** `$message.payload#/field` the record key is read from. */
  keyFrom?: string;
  /** The payload's JSON Schema (a components.schemas entry, its local refs kept). */
  payloadSchema?: Json;
}

export interface AsyncOperation {
  id: string;
  action: 'send' | 'receive';
  /** JSON pointer of the operation in its document. */
  pointer: string;
  /** The channel's id in `channels` (undefined when the channel is inlined). */
  channelId?: string;
  topic?: string;
  partitions?: number;
  message?: EventMessage;
  producer?: Json;
  consumer?: ConsumerExtension;
  effect?: EffectExtension;
}

const RETRY_OR_DLQ = /\.(retry\.\d+|dlq)$/;

/** True for retry-level and dead-letter topics (`<group>.<topic>.retry.<n>`, `<group>.<topic>.dlq`). */
export const isRetryOrDlqTopic = (topic: string): boolean => RETRY_OR_DLQ.test(topic);

/** The channel id a `#/channels/<id>` reference names (percent- and pointer-decoded). */
const channelIdOf = (ref: string): string =>
  decodeURIComponent(ref.slice('#/channels/'.length)).replace(/~1/g, '/').replace(/~0/g, '~');

/** The operations of one AsyncAPI 3 document, in document order. */
export function asyncOperationsOf(doc: Json): AsyncOperation[] {
  return Object.entries<Json>(doc?.operations ?? {}).map(([id, op]) => {
    const channelRef: string | undefined = op?.channel?.$ref;
    const channel = followLocal(doc, op?.channel);
    const declared =
      followLocal(doc, op?.messages?.[0]) ?? followLocal(doc, Object.values<Json>(channel?.messages ?? {})[0]);
    const message = followLocal(doc, declared);
    return {
      id,
      action: op?.action,
      pointer: toPointer(['operations', id]),
      channelId: channelRef?.startsWith('#/channels/') ? channelIdOf(channelRef) : undefined,
      topic: channel?.address ?? undefined,
      partitions: channel?.bindings?.kafka?.partitions,
      message: message
        ? {
            ceType: message['x-ce-type'],
            ceSource: message['x-ce-source'],
            keyFrom: message['x-key']?.from,
            payloadSchema: followLocal(doc, message.payload) ?? message.payload,
          }
        : undefined,
      producer: op?.['x-producer'],
      consumer: op?.['x-consumer'],
      effect: op?.['x-effect'],
    };
  });
}

/** The channel address a channel id names, or undefined. */
export const channelAddress = (doc: Json, channelId: string | undefined): string | undefined =>
  channelId === undefined ? undefined : doc?.channels?.[channelId]?.address;

/** A parsed AsyncAPI document of specs/asyncapi with its operations. */
export interface EventDocument {
  /** File name inside the AsyncAPI folder (`posts.yaml`). */
  name: string;
  file: string;
  doc: Json;
  operations: AsyncOperation[];
}

export function loadEventDocuments(
  dir: string = ASYNCAPI_DIR,
  names: readonly string[] = EVENT_DOCUMENTS,
): EventDocument[] {
  return names.map((name) => {
    const file = join(dir, name);
    const doc = readYaml(file);
    return { name, file, doc, operations: asyncOperationsOf(doc) };
  });
}

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
  /** The AsyncAPI receive operation's id. */
  operationId: string;
  group: string;
  topic: string;
  partitions: number;
  idempotencyKey: { in: string; name: string };
  retryChannels: string[];
  retryTopics: string[];
  retryDelaysMs: number[];
  retryHeadersProfile?: string;
  dlqChannel?: string;
  dlqTopic: string;
  dlqHeadersProfile?: string;
  message: EventMessage;
  payloadSchema: Record<string, unknown>;
  effect?: EffectExtension;
}

export interface EventTopology {
  produced: ProducedTopic[];
  consumed: ConsumedTopic[];
}

/** A consumed topic as a receive operation with `x-consumer` declares it. */
export function consumedTopicOf(doc: Json, op: AsyncOperation): ConsumedTopic | undefined {
  const consumer = op.consumer;
  if (op.action !== 'receive' || !consumer) return undefined;
  return {
    operationId: op.id,
    group: consumer.group as string,
    topic: op.topic as string,
    partitions: op.partitions as number,
    idempotencyKey: { in: consumer.idempotencyKey?.in ?? 'header', name: consumer.idempotencyKey?.name ?? 'ce_id' },
    retryChannels: consumer.retry?.channels ?? [],
    retryTopics: consumer.retry?.topics ?? [],
    retryDelaysMs: consumer.retry?.backoff?.delaysMs ?? [],
    retryHeadersProfile: consumer.retry?.headersProfile,
    dlqChannel: consumer.dlq?.channel,
    dlqTopic: (consumer.dlq?.topic ?? channelAddress(doc, consumer.dlq?.channel)) as string,
    dlqHeadersProfile: consumer.dlq?.headersProfile,
    message: op.message ?? {},
    payloadSchema: op.message?.payloadSchema,
    effect: op.effect,
  };
}

/** A produced topic as a send operation with `x-producer` declares it. */
export function producedTopicOf(op: AsyncOperation): ProducedTopic | undefined {
  if (op.action !== 'send' || !op.producer) return undefined;
  return {
    topic: op.topic as string,
    partitions: op.partitions as number,
    ceType: op.message?.ceType as string,
    ceSource: op.message?.ceSource as string,
    keyPointer: String(op.message?.keyFrom).replace('$message.payload#', ''),
    payloadSchema: op.message?.payloadSchema,
  };
}

/** The event topology `specs/asyncapi` states (every event document). */
export function loadEventTopology(
  dir: string = ASYNCAPI_DIR,
  names: readonly string[] = EVENT_DOCUMENTS,
): EventTopology {
  const produced: ProducedTopic[] = [];
  const consumed: ConsumedTopic[] = [];
  for (const { doc, operations } of loadEventDocuments(dir, names)) {
    for (const op of operations) {
      const p = producedTopicOf(op);
      if (p) produced.push(p);
      const c = consumedTopicOf(doc, op);
      if (c) consumed.push(c);
    }
  }
  return { produced, consumed };
}

/** The DLQ header profiles (`x-header-profiles`: name → header → encoding) and the enums of DeadLetterHeaders. */
export function loadDlqComponents(dir: string = ASYNCAPI_DIR): {
  profiles: Record<string, Record<string, string>>;
  enums: Record<string, string[]>;
} {
  const profiles: Record<string, Record<string, string>> = {};
  const enums: Record<string, string[]> = {};
  let doc: Json;
  try {
    doc = readYaml(join(dir, 'components/dlq.yaml'));
  } catch {
    return { profiles, enums };
  }
  for (const [name, profile] of Object.entries<Json>(doc?.['x-header-profiles'] ?? {})) {
    profiles[name] = Object.fromEntries(
      Object.entries<Json>(profile.headers ?? {}).map(([h, d]) => [h, String(d.encoding)]),
    );
  }
  for (const [h, schema] of Object.entries<Json>(doc?.schemas?.DeadLetterHeaders?.properties ?? {}))
    if (Array.isArray(schema.enum)) enums[h] = schema.enum.map(String);
  return { profiles, enums };
}
