import { dropAuthz } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves authz.chat-owner. Any member of a chat may add members to it. */
export default defineDefect({
  id: 'X11',
  slug: 'any-member-adds-members',
  reproduces:
    'a mutation (found by prove --mutants, which no other check killed): addChatMember without its chat-owner rule',
  variant: {
    transformSpec(service, doc) {
      if (service === 'chats') dropAuthz(doc, 'addChatMember', 'chat-owner');
    },
  },
});
