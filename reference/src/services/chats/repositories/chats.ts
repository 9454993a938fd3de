import type { Queryable } from '../../../shared/db/queryable.ts';

export interface ChatRow {
  id: number;
  name: string;
  owner_id: string;
  open: boolean;
  created_at: Date;
}

export const chatsRepo = {
  async create(tx: Queryable, c: { name: string; owner: string; open: boolean; members: string[] }): Promise<ChatRow> {
    const { rows } = await tx.query<ChatRow>(
      'INSERT INTO chats.chats (name, owner_id, open) VALUES ($1, $2, $3) RETURNING *',
      [c.name, c.owner, c.open],
    );
    const chat = rows[0]!;
    const members = [...new Set([c.owner, ...c.members])];
    await tx.query(
      'INSERT INTO chats.chat_members (chat_id, user_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
      [chat.id, members],
    );
    return chat;
  },
  async byId(q: Queryable, id: number): Promise<ChatRow | undefined> {
    return (await q.query<ChatRow>('SELECT * FROM chats.chats WHERE id = $1', [id])).rows[0];
  },
  async ofMember(q: Queryable, userId: string, limit: number, offset: number): Promise<ChatRow[]> {
    return (
      await q.query<ChatRow>(
        `SELECT c.* FROM chats.chats c JOIN chats.chat_members m ON m.chat_id = c.id WHERE m.user_id = $1
          ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      )
    ).rows;
  },
  async isMember(q: Queryable, chatId: number, userId: string): Promise<boolean> {
    return (
      (await q.query('SELECT 1 FROM chats.chat_members WHERE chat_id = $1 AND user_id = $2', [chatId, userId]))
        .rowCount > 0
    );
  },
  async addMember(q: Queryable, chatId: number, userId: string) {
    await q.query('INSERT INTO chats.chat_members (chat_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      chatId,
      userId,
    ]);
  },
  async removeMember(q: Queryable, chatId: number, userId: string) {
    await q.query('DELETE FROM chats.chat_members WHERE chat_id = $1 AND user_id = $2', [chatId, userId]);
  },
  async otherMembers(q: Queryable, chatId: number, userId: string): Promise<string[]> {
    const { rows } = await q.query<{ user_id: string }>(
      'SELECT user_id FROM chats.chat_members WHERE chat_id = $1 AND user_id <> $2 ORDER BY user_id',
      [chatId, userId],
    );
    return rows.map((r) => r.user_id);
  },
  /** Open chats by messages sent in the last 24 h (the original's Redis ZSET with a 24 h TTL). */
  async popular(q: Queryable, top: number): Promise<number[]> {
    const { rows } = await q.query<{ chat_id: number }>(
      `SELECT m.chat_id FROM chats.messages m JOIN chats.chats c ON c.id = m.chat_id AND c.open
        WHERE m.send_time > now() - interval '24 hours' GROUP BY m.chat_id ORDER BY count(*) DESC, m.chat_id LIMIT $1`,
      [top],
    );
    return rows.map((r) => r.chat_id);
  },
};

export const chatView = (c: ChatRow) => ({
  id: c.id,
  name: c.name,
  owner_id: c.owner_id,
  open: c.open,
  created_at: c.created_at,
});
