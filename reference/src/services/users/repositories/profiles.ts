import type { Queryable } from '../../../shared/db/queryable.ts';

export interface ProfileRow {
  user_id: string;
  description: string | null;
  city_id: number | null;
  education: Record<string, unknown> | null;
  hobby: Record<string, unknown> | null;
  updated_at: Date;
}

export const profilesRepo = {
  async upsert(
    q: Queryable,
    userId: string,
    p: { description?: string; city_id?: number; education?: object; hobby?: object },
  ) {
    await q.query(
      `INSERT INTO users.profiles (user_id, description, city_id, education, hobby, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (user_id) DO UPDATE SET description = $2, city_id = $3, education = $4, hobby = $5, updated_at = now()`,
      [
        userId,
        p.description ?? null,
        p.city_id ?? null,
        p.education ? JSON.stringify(p.education) : null,
        p.hobby ? JSON.stringify(p.hobby) : null,
      ],
    );
  },
  async get(q: Queryable, userId: string): Promise<ProfileRow | undefined> {
    return (await q.query<ProfileRow>('SELECT * FROM users.profiles WHERE user_id = $1', [userId])).rows[0];
  },
};

/** Absent fields are omitted, not null (the schema types them as plain string/integer/object). */
export const profileView = (p: ProfileRow) => ({
  user_id: p.user_id,
  ...(p.description !== null ? { description: p.description } : {}),
  ...(p.city_id !== null ? { city_id: p.city_id } : {}),
  ...(p.education !== null ? { education: p.education } : {}),
  ...(p.hobby !== null ? { hobby: p.hobby } : {}),
  updated_at: p.updated_at,
});
