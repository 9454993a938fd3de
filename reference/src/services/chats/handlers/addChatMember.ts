import type { chats } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo } from '../repositories/chats.ts';

/** `chat-member` then `chat-owner` ran first. Members are not checked against the users service (as the original). */
export const addChatMember: Handler<chats.operations['addChatMember']> = async (ctx) => {
  await chatsRepo.addMember(ctx.db, ctx.params.chat_id, ctx.params.user_id);
  return { status: 200, body: { status: 'ok' } };
};
