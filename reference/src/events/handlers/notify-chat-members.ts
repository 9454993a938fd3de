import { randomUUID } from 'node:crypto';
import type { EventHandler } from '../consumer/event-handler.ts';

interface MessageCreated {
  message_id: number;
  chat_id: number;
  user_id: string;
  text: string;
  recipient_ids: string[];
}

/**
 * notification-service's effect of `messages.created` (x-effect in specs/asyncapi/messages.yaml): one notification
 * per recipient, never the sender, readable at GET /api/notifications. The recipients come with the event (read in
 * the send transaction), so a member who joins later is not notified of earlier messages.
 */
export const notifyChatMembers: EventHandler = {
  async apply(tx, events) {
    const rows: { userId: string; body: string; meta: string }[] = [];
    for (const { payload, envelope } of events) {
      const m = payload as unknown as MessageCreated;
      const meta = JSON.stringify({ chat_id: m.chat_id, message_id: m.message_id, sender_id: m.user_id, event_id: envelope.id });
      for (const userId of new Set(m.recipient_ids)) if (userId !== m.user_id) rows.push({ userId, body: m.text, meta });
    }
    if (rows.length === 0) return;
    // the row notificationsRepo.insert writes, for a whole batch in one statement
    await tx.query(
      `INSERT INTO notifications.notifications (id, user_id, kind, title, body, meta)
       SELECT n.id, n.user_id, 'message', 'New message', n.body, n.meta
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS n(id, user_id, body, meta)`,
      [rows.map(() => randomUUID()), rows.map((r) => r.userId), rows.map((r) => r.body), rows.map((r) => r.meta)],
    );
  },
};
