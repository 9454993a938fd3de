import { FANOUT_CHANNEL } from '../../services/feed/fanout/fanout-worker.ts';
import { feedStrategyName } from '../../services/feed/strategy/config.ts';
import type { EventHandler } from '../consumer/event-handler.ts';

interface PostCreated {
  id: number;
  user_id: string;
  description: string;
  media_url: string;
  tags: string[] | null;
  created_at: string;
}

/**
 * feed-service's effect of `posts.created` (x-effect in specs/asyncapi/posts.yaml): the post enters its author's
 * timeline, read by GET /api/users/{user_id}/feed and the home feeds. One multi-row insert per batch; the primary
 * key (author_id, post_id) backs up the inbox, so even a replay under a new event id cannot list a post twice.
 * Under FEED_STRATEGY=hybrid the same transaction queues the post's fan-out to its author's followers
 * (services/feed/fanout), which reads the followers only once the post is committed here.
 */
export const addToAuthorTimeline: EventHandler = {
  async apply(tx, events) {
    const posts = events.map((e) => e.payload as unknown as PostCreated);
    await tx.query(
      `INSERT INTO feed.author_timeline (author_id, post_id, media_url, snippet, tags, created_at)
       SELECT p.user_id, p.id, p.media_url, p.description,
              CASE WHEN jsonb_typeof(p.tags) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(p.tags)) ELSE '{}' END,
              p.created_at
         FROM jsonb_to_recordset($1::jsonb)
           AS p(id bigint, user_id text, description text, media_url text, tags jsonb, created_at timestamptz)
       ON CONFLICT (author_id, post_id) DO NOTHING`,
      [
        JSON.stringify(
          posts.map(({ id, user_id, description, media_url, tags, created_at }) => ({
            id,
            user_id,
            description,
            media_url,
            tags,
            created_at,
          })),
        ),
      ],
    );
    if (feedStrategyName() !== 'hybrid') return;
    await tx.query(
      `INSERT INTO feed.fanout_queue (author_id, post_id, created_at)
       SELECT p.user_id, p.id, p.created_at FROM jsonb_to_recordset($1::jsonb) AS p(id bigint, user_id text, created_at timestamptz)
       ON CONFLICT (author_id, post_id) DO NOTHING`,
      [JSON.stringify(posts.map(({ id, user_id, created_at }) => ({ id, user_id, created_at })))],
    );
    await tx.query(`SELECT pg_notify('${FANOUT_CHANNEL}', '')`);
  },
};
