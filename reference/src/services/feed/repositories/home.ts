import type { Queryable } from '../../../shared/db/queryable.ts';
import type { TimelineCursor, TimelineRow } from './timelines.ts';

export interface FanoutJob {
  author_id: string;
  post_id: number;
  created_at: Date;
}

/** The hybrid strategy's tables (migrations/0002_home_timelines.sql). */
export const homeRepo = {
  /** Of `authors`, those merged at read time: marked celebrity or already pulled (few, so read whole). */
  async pulled(q: Queryable, authors: string[]): Promise<Set<string>> {
    if (authors.length === 0) return new Set();
    const { rows } = await q.query<{ author_id: string }>(
      'SELECT author_id FROM feed.pulled_authors UNION SELECT user_id FROM feed.celebrities',
    );
    const followed = new Set(authors);
    return new Set(rows.map((r) => r.author_id).filter((a) => followed.has(a)));
  },
  async markPulled(q: Queryable, authorId: string) {
    await q.query('INSERT INTO feed.pulled_authors (author_id) VALUES ($1) ON CONFLICT DO NOTHING', [authorId]);
  },
  async sources(q: Queryable, userId: string): Promise<Set<string>> {
    const { rows } = await q.query<{ author_id: string }>(
      'SELECT author_id FROM feed.home_sources WHERE user_id = $1',
      [userId],
    );
    return new Set(rows.map((r) => r.author_id));
  },
  /** Copies each new followee's most recent posts into the reader's home timeline and records them as sources. */
  async backfill(q: Queryable, userId: string, authors: string[], perAuthor: number) {
    await q.query(
      `INSERT INTO feed.home_timeline (user_id, post_id, author_id, created_at)
       SELECT $1, t.post_id, t.author_id, t.created_at FROM unnest($2::text[]) AS a(id)
         CROSS JOIN LATERAL (SELECT post_id, author_id, created_at FROM feed.author_timeline WHERE author_id = a.id
                              ORDER BY created_at DESC, post_id DESC LIMIT $3) t
       ON CONFLICT DO NOTHING`,
      [userId, authors, perAuthor],
    );
    await q.query(
      'INSERT INTO feed.home_sources (user_id, author_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
      [userId, authors],
    );
  },
  /** Drops authors no longer followed (or blocked, or now pulled) from the reader's home timeline. */
  async drop(q: Queryable, userId: string, authors: string[]) {
    await q.query('DELETE FROM feed.home_sources WHERE user_id = $1 AND author_id = ANY($2::text[])', [
      userId,
      authors,
    ]);
    await q.query('DELETE FROM feed.home_timeline WHERE user_id = $1 AND author_id = ANY($2::text[])', [
      userId,
      authors,
    ]);
  },
  /**
   * Takes the reader's sync lock for the rest of the transaction and returns the version the home sources were
   * last synced to (null: never, or forgotten since).
   */
  async lockSynced(q: Queryable, userId: string): Promise<string | null> {
    const { rows } = await q.query<{ version: string | null }>(
      `INSERT INTO feed.home_synced (user_id, version) VALUES ($1, NULL)
       ON CONFLICT (user_id) DO UPDATE SET version = feed.home_synced.version RETURNING version`,
      [userId],
    );
    return rows[0]!.version;
  },
  async markSynced(q: Queryable, userId: string, version: string | null) {
    await q.query('UPDATE feed.home_synced SET version = $2 WHERE user_id = $1', [userId, version]);
  },
  async syncedVersion(q: Queryable, userId: string): Promise<string | null> {
    const { rows } = await q.query<{ version: string | null }>(
      'SELECT version FROM feed.home_synced WHERE user_id = $1',
      [userId],
    );
    return rows[0]?.version ?? null;
  },
  /** Forgets the reader's home timeline (rebuild): the next read backfills every followee again. */
  async forget(q: Queryable, userId: string) {
    await this.lockSynced(q, userId);
    await this.markSynced(q, userId, null);
    await q.query('DELETE FROM feed.home_sources WHERE user_id = $1', [userId]);
    await q.query('DELETE FROM feed.home_timeline WHERE user_id = $1', [userId]);
  },
  /**
   * One page: the reader's pushed rows of authors still in their home sources (the followees as of the last sync),
   * merged with the `pulled` authors' own timelines and with the posts of home-source authors whose fan-out is still
   * queued (so a post is visible as soon as the consumer stored it, however long the fan-out queue), in the feed's
   * total order, each post once. Each branch reads about `limit` rows, whatever the number of followees.
   * (Queued posts are probed against the sources one by one: the queue is short, the sources may be thousands.)
   */
  async page(
    q: Queryable,
    userId: string,
    pulled: string[],
    limit: number,
    after?: TimelineCursor,
  ): Promise<TimelineRow[]> {
    return (
      await q.query<TimelineRow>(
        `WITH home AS (
           SELECT a.* FROM (
             SELECT h.author_id, h.post_id, h.created_at FROM feed.home_timeline h
              WHERE h.user_id = $1
                AND EXISTS (SELECT 1 FROM feed.home_sources s WHERE s.user_id = $1 AND s.author_id = h.author_id)
                AND ($3::timestamptz IS NULL OR (h.created_at, h.post_id) < ($3::timestamptz, $4::bigint))
              ORDER BY h.created_at DESC, h.post_id DESC LIMIT $5) p
           JOIN feed.author_timeline a ON a.author_id = p.author_id AND a.post_id = p.post_id
         ), merged AS (
           SELECT * FROM feed.author_timeline WHERE author_id = ANY($2::text[])
              AND ($3::timestamptz IS NULL OR (created_at, post_id) < ($3::timestamptz, $4::bigint))
            ORDER BY created_at DESC, post_id DESC LIMIT $5
         ), pending AS (
           SELECT a.* FROM feed.fanout_queue q JOIN feed.author_timeline a ON a.author_id = q.author_id AND a.post_id = q.post_id
            WHERE (SELECT true FROM feed.home_sources s WHERE s.user_id = $1 AND s.author_id = q.author_id)
              AND ($3::timestamptz IS NULL OR (a.created_at, a.post_id) < ($3::timestamptz, $4::bigint))
         )
         SELECT *, created_at::text AS cursor_t FROM (SELECT * FROM home UNION SELECT * FROM merged UNION SELECT * FROM pending) x
          ORDER BY created_at DESC, post_id DESC LIMIT $5`,
        [userId, pulled, after?.t ?? null, after?.id ?? null, limit],
      )
    ).rows;
  },
  /** Takes up to `n` unclaimed (or abandoned) jobs for 30 s; a crashed fan-out is taken again after that. */
  async claim(q: Queryable, n: number): Promise<FanoutJob[]> {
    return (
      await q.query<FanoutJob>(
        `UPDATE feed.fanout_queue SET claimed_until = clock_timestamp() + interval '30 seconds'
          WHERE (author_id, post_id) IN (
            SELECT author_id, post_id FROM feed.fanout_queue WHERE claimed_until IS NULL OR claimed_until < clock_timestamp()
             ORDER BY enqueued_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING author_id, post_id, created_at`,
        [n],
      )
    ).rows;
  },
  /** Gives the job back, to be claimed again after `delayMs` (0: at once). */
  async release(q: Queryable, job: FanoutJob, delayMs = 0) {
    await q.query(
      `UPDATE feed.fanout_queue SET claimed_until = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
                    WHERE author_id = $1 AND post_id = $2`,
      [job.author_id, job.post_id, delayMs],
    );
  },
  async done(q: Queryable, job: FanoutJob) {
    await q.query('DELETE FROM feed.fanout_queue WHERE author_id = $1 AND post_id = $2', [job.author_id, job.post_id]);
  },
  /** Pushes one post to these readers' home timelines; returns the rows written (a redelivery writes none). */
  async push(q: Queryable, job: FanoutJob, readers: string[]): Promise<number> {
    return (
      await q.query(
        `INSERT INTO feed.home_timeline (user_id, post_id, author_id, created_at)
         SELECT unnest($1::text[]), $2, $3, $4 ON CONFLICT DO NOTHING`,
        [readers, job.post_id, job.author_id, job.created_at],
      )
    ).rowCount;
  },
};
