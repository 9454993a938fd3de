import type { posts } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { postsRepo, postView } from '../repositories/posts.ts';

export const listUserPosts: Handler<posts.operations['listUserPosts']> = async (ctx) => {
  const { limit, offset } = ctx.query;
  const rows = await postsRepo.ofUser(ctx.db, ctx.params.user_id, limit, offset);
  return { status: 200, body: { items: rows.map(postView), limit, offset } };
};
