import type { chats } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { messagesRepo, messageView } from '../repositories/messages.ts';

/** `chat-member` and `message-in-chat` ran first; the lookup still guards against a concurrent delete. */
export const getChatMessage: Handler<chats.operations['getChatMessage']> = async (ctx) => {
  const message = await messagesRepo.byId(ctx.db, ctx.params.message_id);
  if (!message || message.chat_id !== ctx.params.chat_id)
    throw new ProblemError('not-found', 'message not found in this chat');
  return { status: 200, body: messageView(message) };
};
