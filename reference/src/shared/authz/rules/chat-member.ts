import type { AuthzRule } from '../types.ts';
import { asId } from './id.ts';

/** The caller is a member of the chat. A chat that does not exist refuses the same way (no existence oracle). */
export const chatMember: AuthzRule = {
  defaultDeny: 404,
  needs: ['isChatMember'],
  async allows({ principal, resource, lookups }) {
    const chatId = asId(resource);
    return chatId !== undefined && (await lookups.isChatMember!(chatId, principal.userId));
  },
};
