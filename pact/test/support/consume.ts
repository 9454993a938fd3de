import type { KafkaMessage, Message } from 'kafkajs';
import { consumeWithoutKafka, type Database } from '@socialnet/reference';

/** A pact message: the JSON payload as contents, the record key and the Kafka headers as metadata. */
export interface PactMessage {
  contents: { content: unknown } | unknown;
  metadata: Record<string, unknown>;
}

/** The Kafka record a pact message stands for: `key` is the record key, every other metadata entry a header. */
export function kafkaRecordOf(message: PactMessage): KafkaMessage {
  const { key, ...headers } = message.metadata as Record<string, string>;
  const contents = message.contents as { content?: unknown };
  const payload =
    contents && typeof contents === 'object' && 'content' in contents ? contents.content : message.contents;
  return {
    key: key === undefined ? null : Buffer.from(String(key)),
    value: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(String(v))])),
    timestamp: '0',
    attributes: 0,
    offset: '0',
  } as KafkaMessage;
}

/**
 * Hands one record to a consumer group exactly as the event side does (the reference's consumeWithoutKafka): envelope
 * decoding, the AsyncAPI payload schema, the inbox and the group's real handler, in one transaction. A record the
 * group would retry or dead-letter fails the consumer test with the reason.
 */
export async function consumeAs(group: string, db: Database, record: KafkaMessage): Promise<void> {
  const failed: Message[] = [];
  await consumeWithoutKafka({
    db,
    group,
    records: [record],
    send: async (_topic, messages) => void failed.push(...messages),
  });
  if (failed.length > 0) {
    const headers = failed[0]!.headers ?? {};
    throw new Error(
      `${group} did not apply the message: ${String(headers['dlq-reason'] ?? 'retry')}: ${String(headers['dlq-error-message'] ?? headers['retry-error-message'])}`,
    );
  }
}
