import type { Queryable } from '../../shared/db/queryable.ts';

export interface InboxEntry {
  eventId: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Claims event ids for a consumer group inside the caller's transaction and returns the ids that were new.
 * Ids already applied (by an earlier delivery, or earlier in the same batch) are not returned: skip them.
 */
export async function claimEvents(tx: Queryable, group: string, entries: InboxEntry[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const { rows } = await tx.query<{ event_id: string }>(
    `INSERT INTO public.inbox (consumer_group, event_id, topic, partition, "offset")
     SELECT $1, e.event_id, e.topic, e.partition, e.offset
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[]) AS e(event_id, topic, partition, "offset")
     ON CONFLICT (consumer_group, event_id) DO NOTHING
     RETURNING event_id`,
    [
      group,
      entries.map((e) => e.eventId),
      entries.map((e) => e.topic),
      entries.map((e) => e.partition),
      entries.map((e) => e.offset),
    ],
  );
  return new Set(rows.map((r) => r.event_id));
}
