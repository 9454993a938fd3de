import type { chats } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo, chatView } from '../repositories/chats.ts';

export const getChat: Handler<chats.operations['getChat']> = async (ctx) => {
  const chat = await chatsRepo.byId(ctx.db, ctx.params.chat_id);
  if (!chat) throw new ProblemError('not-found', `chat ${ctx.params.chat_id} not found`);
  return { status: 200, body: chatView(chat) };
};
