import type { feedback } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

/** `owner` (kind comment) ran first. */
export const deleteComment: Handler<feedback.operations['deleteComment']> = async (ctx) => {
  await feedbackRepo.deleteComment(ctx.db, ctx.params.comment_id);
  return { status: 200, body: { status: 'ok' } };
};
