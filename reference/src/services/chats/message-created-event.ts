import type { OutboxEvent } from '../../shared/outbox/enqueue.ts';

export interface SentMessage {
  messageId: number;
  chatId: number;
  userId: string;
  text: string;
  mediaUrl: string;
  sendTime: string;
  /** The chat's members other than the sender, read in the send transaction. */
  recipients: string[];
}

/**
 * The `messages.created` outbox record of a stored message (specs/asyncapi/messages.yaml). The provider side of
 * pacts/notifications-chats.json is verified against this function (pact/test/providers).
 */
export function messageCreatedEvent(m: SentMessage): OutboxEvent {
  return {
    topic: 'messages.created',
    key: String(m.chatId),
    type: 'dev.socialnet.messages.created.v1',
    source: '/socialnet/message-service',
    payload: {
      message_id: m.messageId,
      chat_id: m.chatId,
      user_id: m.userId,
      text: m.text,
      media_url: m.mediaUrl,
      send_time: m.sendTime,
      recipient_ids: m.recipients,
    },
  };
}
