import type { KafkaMessage, Message } from 'kafkajs';
import type { Database, Queryable } from '../../shared/db/queryable.ts';
import { decodeEvent } from '../envelope.ts';
import type { EventMetrics } from '../metrics.ts';
import type { ConsumedTopic } from '../topology.ts';
import { isTransient, PoisonRecordError, type DlqReason } from './errors.ts';
import type { EventHandler } from './event-handler.ts';
import type { ConsumerSteps, FailedDelivery, ReceivedEvent } from './consumer-steps.ts';
import { attemptsBefore, deadLetterHeaders, originOf, retryHeaders } from './failure-headers.ts';
import { claimEvents } from './inbox.ts';

/** Everything one consumer group needs to turn records into effects, retries and dead letters. */
export interface RecordProcessorDeps {
  binding: ConsumedTopic;
  handler: EventHandler;
  validate: (payload: unknown) => void;
  expectedType?: string;
  db: Database;
  /** Publishes with acks from all in-sync replicas; resolves only when Kafka acknowledged. */
  send: (topic: string, messages: Message[]) => Promise<void>;
  metrics: EventMetrics;
  now: () => number;
}

export interface RecordProcessor extends RecordProcessorDeps {
  steps: ConsumerSteps;
}

/** A processor running the reference's steps, or what `wrap` makes of them (a variant's, see consumer-steps.ts). */
export function createRecordProcessor(
  deps: RecordProcessorDeps,
  wrap?: (steps: ConsumerSteps) => ConsumerSteps,
): RecordProcessor {
  const steps: ConsumerSteps = {
    dedup: (tx, group, events) => dedupWithInbox(tx, group, events),
    routeFailures: (failures) => routeFailures(deps, failures),
  };
  return { ...deps, steps: wrap ? wrap(steps) : steps };
}

/**
 * Handles consecutive records of one partition: decodes and validates them, applies the new ones in one transaction
 * (falling back to one transaction per record to isolate a failure), then routes each failure to its retry level or
 * the DLQ. Resolves when every record is either applied, skipped as a duplicate, or acknowledged by its retry/DLQ
 * topic, so the caller may commit past the last one. Throws only when a retry/DLQ publish fails (nothing is then
 * committed and the records are delivered again; the inbox makes that harmless).
 */
export async function processRecords(
  p: RecordProcessor,
  topic: string,
  partition: number,
  records: KafkaMessage[],
): Promise<void> {
  const items: ReceivedEvent[] = [];
  const failures: FailedDelivery[] = [];
  for (const message of records) {
    const record = { ...message, topic, partition };
    try {
      const event = decodeEvent(message, p.expectedType);
      p.validate(event.payload);
      items.push({ record, event });
    } catch (error) {
      if (!(error instanceof PoisonRecordError)) throw error;
      failures.push({ record, error, reason: error.reason });
    }
  }

  try {
    await applyInOneTransaction(p, items);
  } catch {
    for (const item of items) {
      try {
        await applyInOneTransaction(p, [item]);
      } catch (error) {
        failures.push({ record: item.record, error, reason: isTransient(error) ? 'transient' : 'non-retryable' });
      }
    }
  }
  await p.steps.routeFailures(failures);
}

async function applyInOneTransaction(p: RecordProcessor, items: ReceivedEvent[]): Promise<void> {
  if (items.length === 0) return;
  const { group } = p.binding;
  const applied = await p.db.transaction(async (tx) => {
    const events = await p.steps.dedup(tx, group, items);
    if (events.length > 0)
      await p.handler.apply(
        tx,
        events.map((e) => e.event),
      );
    return events.length;
  });
  const labels = { group, topic: p.binding.topic };
  p.metrics.processed.inc(labels, applied);
  p.metrics.duplicatesSkipped.inc(labels, items.length - applied);
}

async function dedupWithInbox(tx: Queryable, group: string, items: ReceivedEvent[]): Promise<ReceivedEvent[]> {
  const fresh = await claimEvents(
    tx,
    group,
    items.map(({ record, event }) => ({
      eventId: event.envelope.id,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
    })),
  );
  // delete: a second copy in the same batch is a duplicate
  return items.filter(({ event }) => fresh.delete(event.envelope.id));
}

async function routeFailures(p: RecordProcessorDeps, failures: FailedDelivery[]): Promise<void> {
  const { group, retryTopics, retryDelaysMs, dlqTopic, topic: mainTopic } = p.binding;
  const byTopic = new Map<string, Message[]>();
  const counts: (() => void)[] = [];
  const add = (topic: string, message: Message) => byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
  const now = p.now();
  for (const { record, error, reason } of failures) {
    const attempt = attemptsBefore(record) + 1;
    // same partition number as the original (retry and DLQ topics have the main topic's partition count)
    const copy = { key: record.key, value: record.value, partition: originOf(record).partition };
    if (reason === 'transient' && attempt <= retryTopics.length) {
      const headers = retryHeaders(record, group, error, attempt, retryDelaysMs[attempt - 1] ?? 0, now);
      add(retryTopics[attempt - 1]!, { ...copy, headers });
      counts.push(() => p.metrics.retried.inc({ group, topic: mainTopic }));
    } else {
      const dlqReason: DlqReason = reason === 'transient' ? 'retries-exhausted' : reason;
      add(dlqTopic, { ...copy, headers: deadLetterHeaders(record, group, error, attempt, dlqReason, now) });
      counts.push(() => p.metrics.deadLettered.inc({ group, topic: mainTopic, reason: dlqReason }));
    }
  }
  for (const [topic, messages] of byTopic) await p.send(topic, messages);
  for (const count of counts) count();
}
