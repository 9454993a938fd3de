import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/queryable.ts';

export interface OutboxEvent {
  topic: string;
  /** The record key: the aggregate id as base-10 digits (specs/asyncapi `x-key`). */
  key: string;
  /** CloudEvents `type` (the AsyncAPI message's `x-ce-type`). */
  type: string;
  /** CloudEvents `source` (the AsyncAPI message's `x-ce-source`). */
  source: string;
  payload: Record<string, unknown>;
}

/**
 * Writes an event to `public.outbox` in the caller's transaction, so it exists exactly when the change does.
 * The event side (reference/src/events/outbox) relays it to Kafka; `event_id` becomes `ce_id`.
 * Headers carry the CloudEvents attributes that are not columns.
 */
export async function enqueueEvent(tx: Queryable, event: OutboxEvent): Promise<string> {
  const eventId = randomUUID();
  await tx.query(
    `INSERT INTO public.outbox (event_id, topic, key, event_type, payload, headers) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      eventId,
      event.topic,
      event.key,
      event.type,
      JSON.stringify(event.payload),
      JSON.stringify({ ce_source: event.source }),
    ],
  );
  return eventId;
}
