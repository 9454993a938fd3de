import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

/** `owner` (kind comment) ran first. */
export const deleteComment: Handler = async (ctx) => {
  await feedbackRepo.deleteComment(ctx.db, ctx.params.comment_id as number);
  return { status: 200, body: { status: 'ok' } };
};
