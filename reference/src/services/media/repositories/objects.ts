import type { Queryable } from '../../../shared/db/queryable.ts';

export interface MediaObject {
  key: string;
  owner_id: string;
  content_type: string;
  size: number;
}

export const objectsRepo = {
  /** false when the key is taken. */
  async insert(q: Queryable, o: MediaObject): Promise<boolean> {
    const { rowCount } = await q.query(
      'INSERT INTO media.objects (key, owner_id, content_type, size) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
      [o.key, o.owner_id, o.content_type, o.size],
    );
    return rowCount > 0;
  },
  async upsert(q: Queryable, o: MediaObject) {
    await q.query(
      `INSERT INTO media.objects (key, owner_id, content_type, size) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET content_type = $3, size = $4`,
      [o.key, o.owner_id, o.content_type, o.size],
    );
  },
  async get(q: Queryable, key: string): Promise<MediaObject | undefined> {
    return (
      await q.query<MediaObject>('SELECT key, owner_id, content_type, size FROM media.objects WHERE key = $1', [key])
    ).rows[0];
  },
  async delete(q: Queryable, key: string) {
    await q.query('DELETE FROM media.objects WHERE key = $1', [key]);
  },
};
