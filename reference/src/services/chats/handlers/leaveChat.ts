import type { chats } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo } from '../repositories/chats.ts';

export const leaveChat: Handler<chats.operations['leaveChat']> = async (ctx) => {
  await chatsRepo.removeMember(ctx.db, ctx.params.chat_id, caller(ctx).userId);
  return { status: 200, body: { status: 'ok' } };
};
