import type { Queryable } from '../../../shared/db/queryable.ts';

export interface UserRow {
  user_id: string;
  shard_id: number;
  email: string;
  name: string;
  password_hash: string;
  roles: string[];
  created_at: Date;
  updated_at: Date;
}

export const publicUser = (u: UserRow) => ({
  user_id: u.user_id,
  shard_id: u.shard_id,
  name: u.name,
  created_at: u.created_at,
  updated_at: u.updated_at,
});

export const usersRepo = {
  /** undefined when the e-mail is taken (case-insensitively). */
  async insert(
    q: Queryable,
    u: Pick<UserRow, 'user_id' | 'shard_id' | 'email' | 'name' | 'password_hash'>,
  ): Promise<UserRow | undefined> {
    const { rows } = await q.query<UserRow>(
      `INSERT INTO users.users (user_id, shard_id, email, name, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING *`,
      [u.user_id, u.shard_id, u.email, u.name, u.password_hash],
    );
    return rows[0];
  },
  async byEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
    return (await q.query<UserRow>('SELECT * FROM users.users WHERE lower(email) = lower($1)', [email])).rows[0];
  },
  async byId(q: Queryable, userId: string): Promise<UserRow | undefined> {
    return (await q.query<UserRow>('SELECT * FROM users.users WHERE user_id = $1', [userId])).rows[0];
  },
  async exists(q: Queryable, userId: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM users.users WHERE user_id = $1', [userId])).rowCount > 0;
  },
  async listByShard(q: Queryable, shard: number, limit: number, offset: number): Promise<UserRow[]> {
    return (
      await q.query<UserRow>(
        'SELECT * FROM users.users WHERE shard_id = $1 ORDER BY created_at DESC, user_id DESC LIMIT $2 OFFSET $3',
        [shard, limit, offset],
      )
    ).rows;
  },
};
