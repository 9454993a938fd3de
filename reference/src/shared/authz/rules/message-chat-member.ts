import type { AuthzRule } from '../types.ts';
import { asId } from './id.ts';

/** The caller is a member of the chat the message belongs to (a missing message refuses the same way). */
export const messageChatMember: AuthzRule = {
  defaultDeny: 404,
  needs: ['messageChat', 'isChatMember'],
  async allows({ principal, resource, lookups }) {
    const messageId = asId(resource);
    const chatId = messageId === undefined ? undefined : await lookups.messageChat!(messageId);
    return chatId !== undefined && (await lookups.isChatMember!(chatId, principal.userId));
  },
};
