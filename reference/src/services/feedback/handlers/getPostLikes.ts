import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

/** Public; `liked_by_me` is false here, as the spec says (no caller). */
export const getPostLikes: Handler = async (ctx) => {
  const postId = ctx.params.post_id as number;
  return { status: 200, body: { post_id: postId, likes: await feedbackRepo.likes(ctx.db, postId), liked_by_me: false } };
};
