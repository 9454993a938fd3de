import type { Queryable } from '../../../shared/db/queryable.ts';

/** follows, friends and relationships: three tables, as in the original (the feed reads relationships of type 1). */
export const graphRepo = {
  async follow(q: Queryable, userId: string, targetId: string) {
    await q.query('INSERT INTO users.follows (user_id, target_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      userId,
      targetId,
    ]);
  },
  async unfollow(q: Queryable, userId: string, targetId: string) {
    await q.query('DELETE FROM users.follows WHERE user_id = $1 AND target_id = $2', [userId, targetId]);
  },
  async following(q: Queryable, userId: string, limit: number, offset: number): Promise<string[]> {
    const { rows } = await q.query<{ target_id: string }>(
      'SELECT target_id FROM users.follows WHERE user_id = $1 ORDER BY created_at DESC, target_id LIMIT $2 OFFSET $3',
      [userId, limit, offset],
    );
    return rows.map((r) => r.target_id);
  },
  /** Both directions in one transaction (the original wrote them non-transactionally, on two shards). */
  async befriend(q: Queryable, userId: string, friendId: string) {
    await q.query('INSERT INTO users.friends (user_id, friend_id) VALUES ($1, $2), ($2, $1) ON CONFLICT DO NOTHING', [
      userId,
      friendId,
    ]);
  },
  async unfriend(q: Queryable, userId: string, friendId: string) {
    await q.query(
      'DELETE FROM users.friends WHERE (user_id = $1 AND friend_id = $2) OR (user_id = $2 AND friend_id = $1)',
      [userId, friendId],
    );
  },
  async friends(q: Queryable, userId: string, limit: number, offset: number): Promise<string[]> {
    const { rows } = await q.query<{ friend_id: string }>(
      'SELECT friend_id FROM users.friends WHERE user_id = $1 ORDER BY created_at DESC, friend_id LIMIT $2 OFFSET $3',
      [userId, limit, offset],
    );
    return rows.map((r) => r.friend_id);
  },
  async relate(q: Queryable, userId: string, relatedId: string, type: number) {
    await q.query(
      'INSERT INTO users.relationships (user_id, related_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [userId, relatedId, type],
    );
  },
  async unrelate(q: Queryable, userId: string, relatedId: string, type: number | undefined) {
    await q.query(
      'DELETE FROM users.relationships WHERE user_id = $1 AND related_id = $2 AND ($3::smallint IS NULL OR type = $3)',
      [userId, relatedId, type ?? null],
    );
  },
  async related(q: Queryable, userId: string, type: number, limit: number, offset: number): Promise<string[]> {
    const { rows } = await q.query<{ related_id: string }>(
      `SELECT related_id FROM users.relationships WHERE user_id = $1 AND ($2 = 0 OR type = $2)
        GROUP BY related_id ORDER BY max(created_at) DESC, related_id LIMIT $3 OFFSET $4`,
      [userId, type, limit, offset],
    );
    return rows.map((r) => r.related_id);
  },
  /** The version of all of `userId`'s relationships (bumped by triggers, migrations/0003); 0 before the first. */
  async relationshipsVersion(q: Queryable, userId: string): Promise<string> {
    const { rows } = await q.query<{ version: string }>(
      'SELECT version::text FROM users.relationship_versions WHERE user_id = $1',
      [userId],
    );
    return rows[0]?.version ?? '0';
  },
  /** Who follows `userId` (relationships of type 1 naming them), ascending by id, after `afterId`. */
  async followers(q: Queryable, userId: string, limit: number, afterId?: string): Promise<string[]> {
    const { rows } = await q.query<{ user_id: string }>(
      `SELECT user_id FROM users.relationships WHERE related_id = $1 AND type = 1 AND ($2::text IS NULL OR user_id > $2)
        ORDER BY user_id LIMIT $3`,
      [userId, afterId ?? null, limit],
    );
    return rows.map((r) => r.user_id);
  },
};
