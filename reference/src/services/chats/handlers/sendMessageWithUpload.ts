import type { chats } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { uploadToMedia } from '../../media/client.ts';
import { storeMessage } from './store-message.ts';

/** Membership was checked (spec `chat-member` on the multipart chat_id) before the file goes anywhere. */
export const sendMessageWithUpload: Handler<chats.operations['sendMessageWithUpload']> = async (ctx) => {
  const principal = caller(ctx);
  const { chat_id, text = '' } = ctx.body;
  const file = ctx.files.find((f) => f.fieldname === 'file')!;
  const media = await uploadToMedia(ctx.deps, principal, file, 'messages');
  return storeMessage(ctx, principal.userId, chat_id, text, media.url);
};
