import type { OutboxEvent } from '../../shared/outbox/enqueue.ts';

export interface StoredPost {
  id: number;
  userId: string;
  description: string;
  mediaUrl: string;
  /** Deduplicated tags, or null when the request had none. */
  tags: string[] | null;
  createdAt: Date;
}

/**
 * The `posts.created` outbox record of a stored post (specs/asyncapi/posts.yaml). The provider side of
 * pacts/feed-posts.json is verified against this function (pact/test/providers).
 */
export function postCreatedEvent(p: StoredPost): OutboxEvent {
  return {
    topic: 'posts.created',
    key: String(p.id),
    type: 'dev.socialnet.posts.created.v1',
    source: '/socialnet/post-service',
    payload: {
      id: p.id,
      user_id: p.userId,
      description: p.description,
      media_url: p.mediaUrl,
      tags: p.tags,
      created_at: p.createdAt.toISOString(),
    },
  };
}
