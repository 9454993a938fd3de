import { dropAuthz } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

/** Not a review defect: a mutation that proves authz.message-in-chat (a message id is not checked against the chat). */
export default defineDefect({
  id: 'X3',
  slug: 'message-from-any-chat',
  reproduces: 'a mutation: GET /chats/{chat_id}/messages/{message_id} without its message-in-chat rule',
  variant: {
    transformSpec(service, doc) {
      if (service === 'chats') dropAuthz(doc, 'getChatMessage', 'message-in-chat');
    },
  },
});
