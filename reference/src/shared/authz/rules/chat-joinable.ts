import type { AuthzRule } from '../types.ts';
import { asId } from './id.ts';

/** The chat exists and is open, or the caller is already a member (closes the original's self-join hole). */
export const chatJoinable: AuthzRule = {
  defaultDeny: 404,
  needs: ['isChatOpen', 'isChatMember'],
  async allows({ principal, resource, lookups }) {
    const chatId = asId(resource);
    if (chatId === undefined) return false;
    return (await lookups.isChatOpen!(chatId)) === true || (await lookups.isChatMember!(chatId, principal.userId));
  },
};
