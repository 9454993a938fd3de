import type { Handler } from '../../../platform/service-module.ts';
import { postsRepo, postView } from '../repositories/posts.ts';

export const listUserPosts: Handler = async (ctx) => {
  const { limit, offset } = ctx.query as { limit: number; offset: number };
  const rows = await postsRepo.ofUser(ctx.db, ctx.params.user_id as string, limit, offset);
  return { status: 200, body: { items: rows.map(postView), limit, offset } };
};
