import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type IHeaders, type Producer, type RecordMetadata } from 'kafkajs';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { migrate } from '../../../src/shared/db/migrate.ts';
import type { Database } from '../../../src/shared/db/queryable.ts';
import { startEventSide, type EventSide, type EventSideOptions } from '../../../src/events/index.ts';
import { envelopeHeaders } from '../../../src/events/envelope.ts';

export const SHARED_MIGRATIONS = fileURLToPath(new URL('../../../src/shared/db/migrations', import.meta.url));
export const silentLogger = pino({ level: 'silent' });

/** Starts an event side for a test: short retry delays, short session timeout, its own metrics registry. */
export async function startTestEventSide(
  options: Pick<EventSideOptions, 'db' | 'brokers' | 'namespace'> & Partial<EventSideOptions>,
): Promise<EventSide & { registry: Registry }> {
  const registry = new Registry();
  const side = await startEventSide({
    logger: silentLogger,
    registry,
    retryDelaysMs: [50, 100, 150],
    sessionTimeoutMs: 10000,
    heartbeatIntervalMs: 500,
    relayMaxBackoffMs: 500,
    ...options,
  });
  await side.ready();
  return Object.assign(side, { registry });
}

export async function prepareDatabase(db: Database): Promise<void> {
  await migrate(db, 'platform', SHARED_MIGRATIONS);
}

export const testKafka = (brokers: string[]): Kafka =>
  new Kafka({ clientId: 'events-test', brokers, logLevel: logLevel.NOTHING });

export function postPayload(id: number, description = 'hello'): Record<string, unknown> {
  return {
    id,
    user_id: '1-9f3c2a7b1d4e5f60',
    description,
    media_url: '',
    tags: null,
    created_at: new Date().toISOString(),
  };
}

export function postHeaders(eventId: string = randomUUID()): IHeaders {
  return envelopeHeaders({
    id: eventId,
    type: 'dev.socialnet.posts.created.v1',
    source: '/socialnet/post-service',
    time: new Date().toISOString(),
  });
}

/** Produces one record and returns where it landed. */
export async function produce(
  producer: Producer,
  topic: string,
  record: { key: string; value: Buffer | string; headers?: IHeaders },
): Promise<{ partition: number; offset: string }> {
  const [meta] = (await producer.send({ topic, messages: [record], acks: -1 })) as [RecordMetadata];
  return { partition: meta.partition, offset: meta.baseOffset ?? '0' };
}
