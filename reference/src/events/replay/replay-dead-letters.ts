import type { IHeaders, Kafka, Message } from 'kafkajs';
import { headerText } from '../envelope.ts';
import { originalHeaders } from '../consumer/failure-headers.ts';
import { readTopicToEnd, type TopicRecord } from './read-topic.ts';

export interface DeadLetterSelection {
  /** Only these `partition:offset` positions of the DLQ. */
  positions?: string[];
  /** Only records with this ce_id. */
  eventIds?: string[];
  /** Only records with this dlq-reason. */
  reasons?: string[];
}

export interface ReplayedRecord {
  from: string;
  to: string;
  eventId: string | undefined;
  reason: string | undefined;
}

const matches = (record: TopicRecord, selection: DeadLetterSelection): boolean => {
  const h = (name: string) => headerText(record.message.headers, name);
  if (selection.positions && !selection.positions.includes(`${record.partition}:${record.message.offset}`))
    return false;
  if (selection.eventIds && !selection.eventIds.includes(h('ce_id') ?? '')) return false;
  if (selection.reasons && !selection.reasons.includes(h('dlq-reason') ?? '')) return false;
  return true;
};

/**
 * Re-publishes chosen dead-letter records to their original topic (dlq-original-topic), on their original partition,
 * with the original key, value and headers byte for byte: the dlq-* headers are dropped and `dlq-replayed-from`
 * (`<dlq topic>:<partition>:<offset>`) is added. The ce_id is unchanged, so a group that had already applied the event
 * skips it. Run it after the fix that the failure called for; the DLQ itself is left as it is (an audit trail).
 */
export async function replayDeadLetters(
  kafka: Kafka,
  dlqTopic: string,
  selection: DeadLetterSelection,
  options: { dryRun?: boolean } = {},
): Promise<ReplayedRecord[]> {
  const chosen = (await readTopicToEnd(kafka, dlqTopic)).filter((r) => matches(r, selection));
  const byTopic = new Map<string, Message[]>();
  const replayed: ReplayedRecord[] = [];
  for (const record of chosen) {
    const h = (name: string) => headerText(record.message.headers, name);
    const target = h('dlq-original-topic');
    if (!target) continue; // not one of our dead letters
    const from = `${dlqTopic}:${record.partition}:${record.message.offset}`;
    const headers: IHeaders = { ...originalHeaders(record.message.headers), 'dlq-replayed-from': from };
    const partition = Number(h('dlq-original-partition'));
    byTopic.set(target, [
      ...(byTopic.get(target) ?? []),
      {
        key: record.message.key,
        value: record.message.value,
        headers,
        ...(Number.isInteger(partition) ? { partition } : {}),
      },
    ]);
    replayed.push({ from, to: target, eventId: h('ce_id'), reason: h('dlq-reason') });
  }
  if (!options.dryRun && byTopic.size > 0) {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (const [topic, messages] of byTopic) await producer.send({ topic, messages, acks: -1 });
    } finally {
      await producer.disconnect();
    }
  }
  return replayed;
}
