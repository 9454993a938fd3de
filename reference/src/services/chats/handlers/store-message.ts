import type { chats } from '@socialnet/generated/server-types/index.ts';
import type { HandlerContext, OperationResult } from '../../../shared/http/handler-types.ts';
import { enqueueEvent } from '../../../shared/outbox/enqueue.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { messageCreatedEvent } from '../message-created-event.ts';
import { chatsRepo } from '../repositories/chats.ts';
import { messagesRepo, messageView } from '../repositories/messages.ts';

/**
 * The message, its `messages.created` outbox record (with the recipients read in the same transaction) and, when
 * an Idempotency-Key was sent, the stored response: one transaction.
 */
export function storeMessage(
  ctx: HandlerContext<PlatformDeps>,
  userId: string,
  chatId: number,
  text: string,
  mediaUrl: string,
): Promise<OperationResult<chats.operations['sendMessage'], 201>> {
  return ctx.inTransaction(async (tx) => {
    const message = await messagesRepo.insert(tx, { chatId, userId, text, mediaUrl });
    if (!message) throw new ProblemError('not-found', `chat ${chatId} not found`);
    const recipients = await chatsRepo.otherMembers(tx, chatId, userId);
    await enqueueEvent(
      tx,
      messageCreatedEvent({
        messageId: message.id,
        chatId,
        userId,
        text,
        mediaUrl,
        sendTime: message.send_time,
        recipients,
      }),
    );
    return {
      status: 201,
      body: messageView(message),
      headers: { Location: `/chats/${chatId}/messages/${message.id}` },
    };
  });
}
