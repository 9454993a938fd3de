import type { Queryable } from '../../../shared/db/queryable.ts';

export interface TimelineRow {
  author_id: string;
  post_id: number;
  media_url: string;
  snippet: string;
  tags: string[];
  created_at: Date;
  cursor_t: string;
}

export type TimelineCursor = {
  t: string;
  id: number;
};

export const timelinesRepo = {
  /** Newest first over the given authors' timelines (created_at DESC, post_id DESC: total and stable). */
  async page(q: Queryable, authors: string[], limit: number, after?: TimelineCursor): Promise<TimelineRow[]> {
    if (authors.length === 0) return [];
    return (
      await q.query<TimelineRow>(
        `SELECT *, created_at::text AS cursor_t FROM feed.author_timeline WHERE author_id = ANY($1::text[])
           AND ($2::timestamptz IS NULL OR (created_at, post_id) < ($2::timestamptz, $3::bigint))
         ORDER BY created_at DESC, post_id DESC LIMIT $4`,
        [authors, after?.t ?? null, after?.id ?? null, limit],
      )
    ).rows;
  },
  async isCelebrity(q: Queryable, userId: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM feed.celebrities WHERE user_id = $1', [userId])).rowCount > 0;
  },
  async celebrities(q: Queryable): Promise<string[]> {
    return (
      await q.query<{ user_id: string }>('SELECT user_id FROM feed.celebrities ORDER BY added_at, user_id')
    ).rows.map((r) => r.user_id);
  },
  async addCelebrity(q: Queryable, userId: string) {
    await q.query('INSERT INTO feed.celebrities (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
  },
  async removeCelebrity(q: Queryable, userId: string) {
    await q.query('DELETE FROM feed.celebrities WHERE user_id = $1', [userId]);
  },
};

/** FeedEntry: empty media, snippet and tags are omitted; score is the Unix seconds of created_at, as the original. */
export const feedEntry = (r: TimelineRow) => ({
  post_id: r.post_id,
  author_id: r.author_id,
  ...(r.media_url ? { media_url: r.media_url } : {}),
  ...(r.snippet ? { snippet: r.snippet } : {}),
  ...(r.tags.length > 0 ? { tags: r.tags } : {}),
  created_at: r.created_at,
  score: r.created_at.getTime() / 1000,
});
