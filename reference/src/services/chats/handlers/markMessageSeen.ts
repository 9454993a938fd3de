import type { chats } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { messagesRepo } from '../repositories/messages.ts';

export const markMessageSeen: Handler<chats.operations['markMessageSeen']> = async (ctx) => {
  const id = ctx.params.message_id;
  if (!(await messagesRepo.markSeen(ctx.db, id, caller(ctx).userId)))
    throw new ProblemError('not-found', `message ${id} not found`);
  return { status: 200, body: { status: 'ok' } };
};
