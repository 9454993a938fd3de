import type { chats } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo } from '../repositories/chats.ts';

/** `chat-joinable` (open chat, or already a member) ran first. */
export const joinChat: Handler<chats.operations['joinChat']> = async (ctx) => {
  await chatsRepo.addMember(ctx.db, ctx.params.chat_id, caller(ctx).userId);
  return { status: 200, body: { status: 'ok' } };
};
