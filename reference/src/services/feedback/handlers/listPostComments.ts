import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

export const listPostComments: Handler = async (ctx) => {
  const { limit, offset } = ctx.query as { limit: number; offset: number };
  return { status: 200, body: { items: await feedbackRepo.comments(ctx.db, ctx.params.post_id as number, limit, offset), limit, offset } };
};
