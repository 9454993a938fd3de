import { randomUUID } from 'node:crypto';
import type { notifications } from '@socialnet/generated/server-types/index.ts';
import type { Queryable } from '../../../shared/db/queryable.ts';

export interface NotificationRow {
  id: string;
  user_id: string;
  /** The table's CHECK constraint holds it to the spec's kinds. */
  kind: notifications.components['schemas']['NotificationKind'];
  title: string;
  body: string;
  meta: Record<string, unknown> | null;
  read: boolean;
  created_at: Date;
  /** created_at as PostgreSQL prints it (microseconds), for exact cursors. */
  cursor_t?: string;
}

export const notificationsRepo = {
  async insert(
    q: Queryable,
    n: { userId: string; kind: NotificationRow['kind']; title: string; body: string; meta?: object },
  ): Promise<NotificationRow> {
    const { rows } = await q.query<NotificationRow>(
      `INSERT INTO notifications.notifications (id, user_id, kind, title, body, meta) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        randomUUID(),
        n.userId,
        n.kind,
        n.title,
        n.body,
        n.meta && Object.keys(n.meta).length > 0 ? JSON.stringify(n.meta) : null,
      ],
    );
    return rows[0]!;
  },
  /** created_at DESC, id DESC; the cursor is the last item's (created_at in microseconds, id). */
  async page(
    q: Queryable,
    userId: string,
    limit: number,
    after?: { t: string; id: string },
  ): Promise<NotificationRow[]> {
    return (
      await q.query<NotificationRow>(
        `SELECT *, created_at::text AS cursor_t FROM notifications.notifications WHERE user_id = $1
           AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
         ORDER BY created_at DESC, id DESC LIMIT $4`,
        [userId, after?.t ?? null, after?.id ?? null, limit],
      )
    ).rows;
  },
  async owner(q: Queryable, id: string): Promise<string | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    return (await q.query<{ user_id: string }>('SELECT user_id FROM notifications.notifications WHERE id = $1', [id]))
      .rows[0]?.user_id;
  },
  async markRead(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('UPDATE notifications.notifications SET read = true WHERE id = $1', [id])).rowCount > 0;
  },
};

export const notificationView = (n: NotificationRow) => ({
  id: n.id,
  user_id: n.user_id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  ...(n.meta ? { meta: n.meta } : {}),
  read: n.read,
  created_at: n.created_at,
});
