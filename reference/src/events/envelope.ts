import type { IHeaders, KafkaMessage } from 'kafkajs';
import { PoisonRecordError } from './consumer/errors.ts';

/**
 * The CloudEvents Kafka binding in binary mode (specs/asyncapi/components/envelope.yaml): `ce_*` headers as UTF-8
 * text, the JSON payload as the value, the aggregate id as the key.
 */
export interface EventEnvelope {
  id: string;
  type: string;
  source: string;
  time: string;
  subject?: string;
}

export interface DecodedEvent {
  envelope: EventEnvelope;
  key: string | null;
  payload: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUIRED = ['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'content-type'] as const;

export function envelopeHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    ce_id: envelope.id,
    ce_source: envelope.source,
    ce_type: envelope.type,
    ce_specversion: '1.0',
    ce_time: envelope.time,
    'content-type': 'application/json',
  };
  if (envelope.subject !== undefined) headers.ce_subject = envelope.subject;
  return headers;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Header values as strings; a value that is not valid UTF-8 is refused (the binding says UTF-8). */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  if (typeof first === 'string') return first;
  try {
    return strictUtf8.decode(first);
  } catch {
    throw new PoisonRecordError('envelope-invalid', `header ${name} is not valid UTF-8`);
  }
}

/** Decodes a record, or throws PoisonRecordError with the dlq-reason the spec names. */
export function decodeEvent(
  message: Pick<KafkaMessage, 'headers' | 'value' | 'key'>,
  expectedType?: string,
): DecodedEvent {
  const text: Record<string, string | undefined> = {};
  for (const name of [...REQUIRED, 'ce_subject']) text[name] = headerText(message.headers, name);
  const missing = REQUIRED.filter((name) => !text[name]);
  if (missing.length > 0) throw new PoisonRecordError('envelope-invalid', `missing header(s) ${missing.join(', ')}`);
  if (!UUID.test(text.ce_id!))
    throw new PoisonRecordError('envelope-invalid', `ce_id ${JSON.stringify(text.ce_id)} is not a UUID`);
  if (text.ce_specversion !== '1.0')
    throw new PoisonRecordError('envelope-invalid', `ce_specversion ${text.ce_specversion} is not 1.0`);
  if (text['content-type'] !== 'application/json') {
    throw new PoisonRecordError('envelope-invalid', `content-type ${text['content-type']} is not application/json`);
  }
  if (expectedType && text.ce_type !== expectedType) {
    throw new PoisonRecordError('envelope-invalid', `ce_type ${text.ce_type} is not ${expectedType}`);
  }
  if (!message.value) throw new PoisonRecordError('undecodable', 'the record has no value');
  let payload: unknown;
  try {
    payload = JSON.parse(strictUtf8.decode(message.value));
  } catch (error) {
    throw new PoisonRecordError('undecodable', `the value is not UTF-8 JSON: ${(error as Error).message}`);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new PoisonRecordError('schema-invalid', 'the payload is not a JSON object');
  }
  return {
    envelope: {
      id: text.ce_id!.toLowerCase(),
      type: text.ce_type!,
      source: text.ce_source!,
      time: text.ce_time!,
      subject: text.ce_subject,
    },
    key: message.key ? message.key.toString('utf8') : null,
    payload: payload as Record<string, unknown>,
  };
}
