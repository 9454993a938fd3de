import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo } from '../repositories/chats.ts';

export const listPopularChats: Handler = async (ctx) => ({ status: 200, body: { chat_ids: await chatsRepo.popular(ctx.db, (ctx.query.top as number | undefined) ?? 10) } });
