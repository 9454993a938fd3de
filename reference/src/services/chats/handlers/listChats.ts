import type { chats } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo, chatView } from '../repositories/chats.ts';

export const listChats: Handler<chats.operations['listChats']> = async (ctx) => {
  const { limit, offset } = ctx.query;
  const rows = await chatsRepo.ofMember(ctx.db, caller(ctx).userId, limit, offset);
  return { status: 200, body: { items: rows.map(chatView), limit, offset } };
};
