import { dropAuthz } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

/** Review item 3: send, send-with-upload, history and mark-seen do not check that the caller is a chat member. */
export default defineDefect({
  id: 'D3',
  slug: 'no-chat-membership',
  reproduces:
    'review item 3: message-service Send only checked that the chat exists; SendWithUpload, ListByChat and MarkSeen checked nothing',
  variant: {
    transformSpec(service, doc) {
      if (service !== 'chats') return;
      for (const op of ['sendMessage', 'sendMessageWithUpload', 'listChatMessages', 'markMessageSeen'])
        dropAuthz(doc, op);
    },
  },
});
