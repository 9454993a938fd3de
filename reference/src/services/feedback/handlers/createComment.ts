import type { feedback } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedbackRepo } from '../repositories/feedback.ts';

export const createComment: Handler<feedback.operations['createComment']> = async (ctx) => {
  const postId = ctx.params.post_id;
  const { text, reply_id = null } = ctx.body;
  return ctx.inTransaction(async (tx) => {
    if (reply_id !== null && (await feedbackRepo.commentPost(tx, reply_id)) !== postId) {
      throw new ProblemError('validation-failed', 'reply_id must be a comment of the same post', {
        errors: [{ pointer: '/body/reply_id', message: 'not a comment of this post' }],
      });
    }
    const comment = await feedbackRepo.insertComment(tx, {
      postId,
      userId: caller(ctx).userId,
      replyId: reply_id,
      text,
    });
    return { status: 201, body: comment };
  });
};
