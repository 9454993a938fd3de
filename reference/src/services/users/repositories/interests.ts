import type { Queryable } from '../../../shared/db/queryable.ts';

export const interestsRepo = {
  /** First-or-create by name. */
  async upsert(q: Queryable, name: string): Promise<{ id: number; name: string }> {
    const { rows } = await q.query<{ id: number; name: string }>(
      `INSERT INTO users.interests (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id, name`,
      [name],
    );
    return rows[0]!;
  },
  async exists(q: Queryable, id: number): Promise<boolean> {
    return (await q.query('SELECT 1 FROM users.interests WHERE id = $1', [id])).rowCount > 0;
  },
  async attach(q: Queryable, userId: string, id: number) {
    await q.query('INSERT INTO users.user_interests (user_id, interest_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      userId,
      id,
    ]);
  },
  async detach(q: Queryable, userId: string, id: number) {
    await q.query('DELETE FROM users.user_interests WHERE user_id = $1 AND interest_id = $2', [userId, id]);
  },
  async ofUser(q: Queryable, userId: string, limit: number, offset: number) {
    return (
      await q.query<{ id: number; name: string }>(
        `SELECT i.id, i.name FROM users.user_interests ui JOIN users.interests i ON i.id = ui.interest_id
          WHERE ui.user_id = $1 ORDER BY ui.created_at DESC, i.id DESC LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      )
    ).rows;
  },
};
