import type { feedback } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

export const unlikePost: Handler<feedback.operations['unlikePost']> = async (ctx) => {
  const postId = ctx.params.post_id;
  await feedbackRepo.unlike(ctx.db, postId, caller(ctx).userId);
  return {
    status: 200,
    body: { post_id: postId, likes: await feedbackRepo.likes(ctx.db, postId), liked_by_me: false },
  };
};
