import type { posts } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { postsRepo } from '../repositories/posts.ts';

export const viewPost: Handler<posts.operations['viewPost']> = async (ctx) => {
  if (!(await postsRepo.view(ctx.db, ctx.params.post_id)))
    throw new ProblemError('not-found', `post ${ctx.params.post_id} not found`);
  return { status: 200, body: { status: 'ok' } };
};
