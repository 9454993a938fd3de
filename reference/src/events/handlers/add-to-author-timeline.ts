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
 */
export const addToAuthorTimeline: EventHandler = {
  async apply(tx, events) {
    const posts = events.map((e) => e.payload as unknown as PostCreated);
    await tx.query(
      `INSERT INTO feed.author_timeline (author_id, post_id, media_url, snippet, tags, created_at)
       SELECT p.author_id, p.post_id, p.media_url, p.snippet, ARRAY(SELECT jsonb_array_elements_text(p.tags)), p.created_at
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
           AS p(author_id, post_id, media_url, snippet, tags, created_at)
       ON CONFLICT (author_id, post_id) DO NOTHING`,
      [
        posts.map((p) => p.user_id),
        posts.map((p) => p.id),
        posts.map((p) => p.media_url),
        posts.map((p) => p.description),
        posts.map((p) => JSON.stringify(p.tags ?? [])),
        posts.map((p) => p.created_at),
      ],
    );
  },
};
