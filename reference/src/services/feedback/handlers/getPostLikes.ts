import type { feedback } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

/** Public; `liked_by_me` is false here, as the spec says (no caller). */
export const getPostLikes: Handler<feedback.operations['getPostLikes']> = async (ctx) => {
  const postId = ctx.params.post_id;
  return {
    status: 200,
    body: { post_id: postId, likes: await feedbackRepo.likes(ctx.db, postId), liked_by_me: false },
  };
};
