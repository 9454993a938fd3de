import type { AuthzRule } from '../types.ts';
import { asId } from './id.ts';

/** The caller owns the chat (listed after `chat-member`, so a non-member already got 404). */
export const chatOwner: AuthzRule = {
  defaultDeny: 403,
  needs: ['chatOwner'],
  async allows({ principal, resource, lookups }) {
    const chatId = asId(resource);
    return chatId !== undefined && (await lookups.chatOwner!(chatId)) === principal.userId;
  },
};
