import type { IHeaders } from 'kafkajs';
import { headerText } from '../envelope.ts';
import { errorClass, errorMessage, type DlqReason } from './errors.ts';

/**
 * Builds the headers of retry and dead-letter records: profiles `socialnet-retry-v1` and `socialnet-dlq-v1`
 * (specs/asyncapi/components/dlq.yaml): UTF-8 text, integers in base 10, the original headers kept unchanged.
 */
export interface OriginRecord {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
}

export interface FailedRecord {
  /** Where this delivery came from (the main topic or a retry topic). */
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  headers?: IHeaders;
}

const OUR_PREFIXES = ['retry-', 'dlq-'];

/** The original's headers without the retry-/dlq- headers a previous hop added (they are replaced, not piled up). */
export function originalHeaders(headers: IHeaders | undefined): IHeaders {
  const kept: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && !OUR_PREFIXES.some((prefix) => name.startsWith(prefix))) kept[name] = value;
  }
  return kept;
}

/** The record as first read from the consumed topic: its own coordinates, or those its retry headers carry. */
export function originOf(record: FailedRecord): OriginRecord {
  const topic = headerText(record.headers, 'retry-original-topic');
  if (!topic)
    return { topic: record.topic, partition: record.partition, offset: record.offset, timestamp: record.timestamp };
  return {
    topic,
    partition: Number(headerText(record.headers, 'retry-original-partition')),
    offset: headerText(record.headers, 'retry-original-offset') ?? '0',
    timestamp: headerText(record.headers, 'retry-original-timestamp') ?? '0',
  };
}

/** Attempts made before this delivery (0 on the main topic). */
export function attemptsBefore(record: FailedRecord): number {
  const value = Number(headerText(record.headers, 'retry-attempt') ?? 0);
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** Epoch ms before which a retry record must not be processed (0 when it carries none). */
export function notBefore(record: Pick<FailedRecord, 'headers'>): number {
  const value = Number(headerText(record.headers, 'retry-not-before') ?? 0);
  return Number.isFinite(value) ? value : 0;
}

export function retryHeaders(
  record: FailedRecord,
  group: string,
  error: unknown,
  attempt: number,
  delayMs: number,
  now: number,
): IHeaders {
  const origin = originOf(record);
  return {
    ...originalHeaders(record.headers),
    'retry-attempt': String(attempt),
    'retry-not-before': String(now + delayMs),
    'retry-original-topic': origin.topic,
    'retry-original-partition': String(origin.partition),
    'retry-original-offset': origin.offset,
    'retry-original-timestamp': origin.timestamp,
    'retry-consumer-group': group,
    'retry-error-class': errorClass(error),
    'retry-error-message': errorMessage(error),
  };
}

export function deadLetterHeaders(
  record: FailedRecord,
  group: string,
  error: unknown,
  attempts: number,
  reason: DlqReason,
  now: number,
): IHeaders {
  const origin = originOf(record);
  return {
    ...originalHeaders(record.headers),
    'dlq-original-topic': origin.topic,
    'dlq-original-partition': String(origin.partition),
    'dlq-original-offset': origin.offset,
    'dlq-original-timestamp': origin.timestamp,
    'dlq-consumer-group': group,
    'dlq-error-class': errorClass(error),
    'dlq-error-message': errorMessage(error),
    'dlq-attempts': String(attempts),
    'dlq-failed-at': new Date(now).toISOString(),
    'dlq-reason': reason,
  };
}
