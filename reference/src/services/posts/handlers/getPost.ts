import type { posts } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { postsRepo, postView } from '../repositories/posts.ts';

const COUNTS_TIMEOUT_MS = 1000;

/** Counts from the feedback service over HTTP; when it cannot answer in time: zeros and `counts_degraded`. */
async function counts(
  deps: PlatformDeps,
  postId: number,
): Promise<{ likes: number; comments: number; counts_degraded?: true }> {
  try {
    const answer = await deps
      .client('feedback')
      .call('GET', `/posts/${postId}/counts`, { timeoutMs: COUNTS_TIMEOUT_MS });
    const body = answer.body as { likes?: unknown; comments?: unknown };
    if (answer.status === 200 && typeof body?.likes === 'number' && typeof body.comments === 'number')
      return { likes: body.likes, comments: body.comments };
    deps.log.warn({ status: answer.status }, 'feedback counts: unexpected answer');
  } catch (error) {
    deps.log.warn({ err: error }, 'feedback counts unavailable');
  }
  return { likes: 0, comments: 0, counts_degraded: true };
}

export const getPost: Handler<posts.operations['getPost']> = async (ctx) => {
  const post = await postsRepo.byId(ctx.db, ctx.params.post_id);
  if (!post) throw new ProblemError('not-found', `post ${ctx.params.post_id} not found`);
  return { status: 200, body: { ...postView(post), ...(await counts(ctx.deps, post.id)) } };
};
