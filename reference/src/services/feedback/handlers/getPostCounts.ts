import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

/** What the posts service reads for GET /posts/{post_id}. */
export const getPostCounts: Handler = async (ctx) => {
  const postId = ctx.params.post_id as number;
  return { status: 200, body: { post_id: postId, ...(await feedbackRepo.counts(ctx.db, postId)) } };
};
