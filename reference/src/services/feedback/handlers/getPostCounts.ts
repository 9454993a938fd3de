import type { feedback } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

/** What the posts service reads for GET /posts/{post_id}. */
export const getPostCounts: Handler<feedback.operations['getPostCounts']> = async (ctx) => {
  const postId = ctx.params.post_id;
  return { status: 200, body: { post_id: postId, ...(await feedbackRepo.counts(ctx.db, postId)) } };
};
