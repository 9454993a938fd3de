import type { posts } from '@socialnet/generated/server-types/index.ts';
import type { HandlerContext, OperationResult } from '../../../shared/http/handler-types.ts';
import { enqueueEvent } from '../../../shared/outbox/enqueue.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { postCreatedEvent } from '../post-created-event.ts';
import { postsRepo, postView } from '../repositories/posts.ts';

/** Post, tags, the `posts.created` outbox record and the idempotency record: one transaction. */
export function storePost(
  ctx: HandlerContext<PlatformDeps>,
  userId: string,
  description: string,
  media: string,
  tags: string[] | undefined,
): Promise<OperationResult<posts.operations['createPost'], 201>> {
  const unique = [...new Set(tags ?? [])];
  return ctx.inTransaction(async (tx) => {
    const post = await postsRepo.insert(tx, { userId, description, media, tags: unique });
    await enqueueEvent(
      tx,
      postCreatedEvent({
        id: post.id,
        userId,
        description,
        mediaUrl: media,
        tags: tags ? unique : null,
        createdAt: post.created_at,
      }),
    );
    return { status: 201, body: postView(post), headers: { Location: `/posts/${post.id}` } };
  });
}
