import type { chats } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo } from '../repositories/chats.ts';

export const listPopularChats: Handler<chats.operations['listPopularChats']> = async (ctx) => ({
  status: 200,
  body: { chat_ids: await chatsRepo.popular(ctx.db, ctx.query.top) },
});
