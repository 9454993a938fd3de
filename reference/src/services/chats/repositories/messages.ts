import type { Queryable } from '../../../shared/db/queryable.ts';

export interface MessageRow {
  id: number;
  chat_id: number;
  user_id: string;
  text: string;
  media_url: string;
  /** RFC 3339 UTC with milliseconds, formatted by PostgreSQL (parsing to a Date and back cost 5% of a history read). */
  send_time: string;
}

const COLUMNS = `id, chat_id, user_id, text, media_url, to_char(send_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS send_time`;

export const messagesRepo = {
  /** Inserts only into an existing chat; undefined when there is none. */
  async insert(
    tx: Queryable,
    m: { chatId: number; userId: string; text: string; mediaUrl: string },
  ): Promise<MessageRow | undefined> {
    const { rows } = await tx.query<MessageRow>(
      `INSERT INTO chats.messages (chat_id, user_id, text, media_url)
       SELECT id, $2, $3, $4 FROM chats.chats WHERE id = $1 RETURNING ${COLUMNS}`,
      [m.chatId, m.userId, m.text, m.mediaUrl],
    );
    return rows[0];
  },
  /** Newest first by id (total, stable order); `before` is the cursor's last id. */
  async page(q: Queryable, chatId: number, limit: number, before?: number): Promise<MessageRow[]> {
    return (
      await q.query<MessageRow>(
        `SELECT ${COLUMNS} FROM chats.messages WHERE chat_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
        [chatId, before ?? null, limit],
      )
    ).rows;
  },
  async byId(q: Queryable, id: number): Promise<MessageRow | undefined> {
    return (await q.query<MessageRow>(`SELECT ${COLUMNS} FROM chats.messages WHERE id = $1`, [id])).rows[0];
  },
  async chatOf(q: Queryable, id: number): Promise<number | undefined> {
    return (await q.query<{ chat_id: number }>('SELECT chat_id FROM chats.messages WHERE id = $1', [id])).rows[0]
      ?.chat_id;
  },
  async markSeen(q: Queryable, messageId: number, userId: string): Promise<boolean> {
    const { rowCount } = await q.query(
      `INSERT INTO chats.message_seens (message_id, user_id) SELECT id, $2 FROM chats.messages WHERE id = $1 ON CONFLICT DO NOTHING RETURNING 1`,
      [messageId, userId],
    );
    return rowCount > 0 || (await q.query('SELECT 1 FROM chats.messages WHERE id = $1', [messageId])).rowCount > 0;
  },
};

export const messageView = (m: MessageRow) => ({
  id: m.id,
  chat_id: m.chat_id,
  user_id: m.user_id,
  text: m.text,
  media_url: m.media_url,
  send_time: m.send_time,
});
