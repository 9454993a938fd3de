import { fileURLToPath } from 'node:url';
import type { chats } from '@socialnet/generated/server-types/index.ts';
import type { HandlersOf, ServiceModule } from '../../platform/service-module.ts';
import { whoami } from '../whoami.ts';
import { addChatMember } from './handlers/addChatMember.ts';
import { createChat } from './handlers/createChat.ts';
import { getChat } from './handlers/getChat.ts';
import { getChatMessage } from './handlers/getChatMessage.ts';
import { joinChat } from './handlers/joinChat.ts';
import { leaveChat } from './handlers/leaveChat.ts';
import { listChatMessages } from './handlers/listChatMessages.ts';
import { listChats } from './handlers/listChats.ts';
import { listPopularChats } from './handlers/listPopularChats.ts';
import { markMessageSeen } from './handlers/markMessageSeen.ts';
import { sendMessage } from './handlers/sendMessage.ts';
import { sendMessageWithUpload } from './handlers/sendMessageWithUpload.ts';
import { chatsRepo } from './repositories/chats.ts';
import { messagesRepo } from './repositories/messages.ts';

/** Chats and messages (the original message-service). Membership rules come from the spec's x-authz. */
export const chatsService: ServiceModule = {
  name: 'chats',
  specFile: 'chats.yaml',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  handlers: {
    createChat,
    listChats,
    listPopularChats,
    getChat,
    joinChat,
    addChatMember,
    leaveChat,
    listChatMessages,
    getChatMessage,
    sendMessage,
    sendMessageWithUpload,
    markMessageSeen,
    chatsWhoami: whoami,
  } satisfies HandlersOf<chats.operations>,
  lookups: (db) => ({
    isChatMember: (chatId, userId) => chatsRepo.isMember(db, chatId, userId),
    chatOwner: async (chatId) => (await chatsRepo.byId(db, chatId))?.owner_id,
    isChatOpen: async (chatId) => (await chatsRepo.byId(db, chatId))?.open,
    messageChat: (messageId) => messagesRepo.chatOf(db, messageId),
  }),
};
