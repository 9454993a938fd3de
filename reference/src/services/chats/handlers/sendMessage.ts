import type { chats } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { storeMessage } from './store-message.ts';

/** Membership was checked by the spec's `chat-member` rule before this runs. */
export const sendMessage: Handler<chats.operations['sendMessage']> = async (ctx) => {
  const { chat_id, text = '', media_url = '' } = ctx.body;
  if (text.trim() === '' && media_url.trim() === '') {
    throw new ProblemError('validation-failed', 'a message needs text or a media_url', {
      errors: [{ pointer: '/body/text', message: 'text or media_url must be non-empty' }],
    });
  }
  return storeMessage(ctx, caller(ctx).userId, chat_id, text, media_url);
};
