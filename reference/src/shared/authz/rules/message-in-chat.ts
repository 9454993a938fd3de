import type { AuthzRule } from '../types.ts';
import { asId } from './id.ts';

/** The message named by the request belongs to the chat named by the request. */
export const messageInChat: AuthzRule = {
  defaultDeny: 404,
  needs: ['messageChat'],
  async allows({ resource, lookups }) {
    const { message, chat } = (resource ?? {}) as { message?: unknown; chat?: unknown };
    const messageId = asId(message);
    const chatId = asId(chat);
    return messageId !== undefined && chatId !== undefined && (await lookups.messageChat!(messageId)) === chatId;
  },
};
