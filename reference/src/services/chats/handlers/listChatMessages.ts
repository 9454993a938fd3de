import type { chats } from '@socialnet/generated/server-types/index.ts';
import { decodeCursor, page } from '../../../shared/http/pagination.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { messagesRepo, messageView } from '../repositories/messages.ts';

export const listChatMessages: Handler<chats.operations['listChatMessages']> = async (ctx) => {
  const { limit, cursor } = ctx.query;
  const after = decodeCursor<{ id: number }>(cursor, { id: 'number' });
  const rows = await messagesRepo.page(ctx.db, ctx.params.chat_id, limit + 1, after?.id);
  const { items, next_cursor } = page(rows, limit, (m) => ({ id: m.id }));
  return { status: 200, body: { items: items.map(messageView), limit, next_cursor } };
};
