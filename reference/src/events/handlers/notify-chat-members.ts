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
    const rows: { user_id: string; body: string; meta: object }[] = [];
    for (const { payload, envelope } of events) {
      const m = payload as unknown as MessageCreated;
      const meta = { chat_id: m.chat_id, message_id: m.message_id, sender_id: m.user_id, event_id: envelope.id };
      for (const userId of new Set(m.recipient_ids))
        if (userId !== m.user_id) rows.push({ user_id: userId, body: m.text, meta });
    }
    if (rows.length === 0) return;
    // the row notificationsRepo.insert writes, for a whole batch in one statement (one JSON document as parameter)
    await tx.query(
      `INSERT INTO notifications.notifications (id, user_id, kind, title, body, meta)
       SELECT gen_random_uuid(), n.user_id, 'message', 'New message', n.body, n.meta
         FROM jsonb_to_recordset($1::jsonb) AS n(user_id text, body text, meta jsonb)`,
      [JSON.stringify(rows)],
    );
  },
};
