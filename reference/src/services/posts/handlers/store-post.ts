import type { HandlerContext, HandlerResult } from '../../../shared/http/handler-types.ts';
import { enqueueEvent } from '../../../shared/outbox/enqueue.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { postsRepo, postView } from '../repositories/posts.ts';

/** Post, tags, the `posts.created` outbox record and the idempotency record: one transaction. */
export function storePost(ctx: HandlerContext<PlatformDeps>, userId: string, description: string, media: string, tags: string[] | undefined): Promise<HandlerResult> {
  const unique = [...new Set(tags ?? [])];
  return ctx.inTransaction(async (tx) => {
    const post = await postsRepo.insert(tx, { userId, description, media, tags: unique });
    await enqueueEvent(tx, {
      topic: 'posts.created',
      key: String(post.id),
      type: 'dev.socialnet.posts.created.v1',
      source: '/socialnet/post-service',
      payload: { id: post.id, user_id: userId, description, media_url: media, tags: tags ? unique : null, created_at: post.created_at.toISOString() },
    });
    return { status: 201, body: postView(post), headers: { Location: `/posts/${post.id}` } };
  });
}
