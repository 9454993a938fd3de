import type { feedback } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

export const listPostComments: Handler<feedback.operations['listPostComments']> = async (ctx) => {
  const { limit, offset } = ctx.query;
  return {
    status: 200,
    body: { items: await feedbackRepo.comments(ctx.db, ctx.params.post_id, limit, offset), limit, offset },
  };
};
