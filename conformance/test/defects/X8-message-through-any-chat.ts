import { dropAuthz } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';
import { wrapHandler } from './wrap-handler.ts';

/**
 * Not a review defect: a mutation that proves authz.message-in-chat. Removing the spec's `message-in-chat` rule alone
 * is masked, because the reference's handler checks the message's chat again; here the handler goes too: it looks
 * the message up by its id alone, whatever chat the path names (the original read messages by id).
 */
export default defineDefect({
  id: 'X8',
  slug: 'message-through-any-chat',
  reproduces:
    'a mutation: getChatMessage without its message-in-chat rule, and a handler that reads the message by id alone',
  variant: {
    transformSpec(service, doc) {
      if (service === 'chats') dropAuthz(doc, 'getChatMessage', 'message-in-chat');
    },
    handlers: wrapHandler('chats', 'getChatMessage', (original) => async (ctx) => {
      const { rows } = await ctx.db.query<{ chat_id: number }>('SELECT chat_id FROM chats.messages WHERE id = $1', [
        ctx.params.message_id,
      ]);
      return original(rows[0] ? { ...ctx, params: { ...ctx.params, chat_id: rows[0].chat_id } } : ctx);
    }),
  },
});
