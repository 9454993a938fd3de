import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo, chatView } from '../repositories/chats.ts';

export const listChats: Handler = async (ctx) => {
  const { limit, offset } = ctx.query as { limit: number; offset: number };
  const rows = await chatsRepo.ofMember(ctx.db, caller(ctx).userId, limit, offset);
  return { status: 200, body: { items: rows.map(chatView), limit, offset } };
};
