import type { chats } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { chatsRepo, chatView } from '../repositories/chats.ts';

export const createChat: Handler<chats.operations['createChat']> = async (ctx) => {
  const { name, members = [], open = false } = ctx.body;
  const chat = await ctx.db.transaction((tx) =>
    chatsRepo.create(tx, { name, owner: caller(ctx).userId, open, members }),
  );
  return { status: 201, body: chatView(chat), headers: { Location: `/chats/${chat.id}` } };
};
