import { randomUUID } from 'node:crypto';
import type { MessageProducer } from '../../../conformance/src/pact/verify-messages.ts';
import { messageCreatedEvent, outboxRecord, postCreatedEvent, type OutboxEvent } from '@socialnet/reference';

/** A change to what a producer emits, the way a provider team might make it (the negative proofs use one). */
export interface ProducerVariant {
  transformEvent?(event: OutboxEvent): OutboxEvent;
}

/**
 * The Kafka record the reference publishes for an outbox event: the outbox row `enqueueEvent` writes (ce_source in
 * its headers column) turned into key, value and CloudEvents headers by the relay's `outboxRecord`.
 */
function published(event: OutboxEvent, variant?: ProducerVariant) {
  const e = variant?.transformEvent?.(event) ?? event;
  return outboxRecord({
    event_id: randomUUID(),
    topic: e.topic,
    key: e.key,
    event_type: e.type,
    payload: e.payload,
    headers: { ce_source: e.source },
    created_at: new Date(),
  });
}

const requireState = (states: string[], expected: string) => {
  if (!states.includes(expected))
    throw new Error(`unknown provider state(s) ${JSON.stringify(states)}; this producer knows "${expected}"`);
};

/** The reference's producer code per provider, keyed by the message descriptions the committed pacts use. */
export function referenceProducers(variant?: ProducerVariant): Record<string, Record<string, MessageProducer>> {
  return {
    chats: {
      'a messages.created event': async (states) => {
        requireState(states, 'a message was sent in a chat with another member');
        return published(
          messageCreatedEvent({
            messageId: 101,
            chatId: 12,
            userId: '1-0a1b2c3d4e5f6071',
            text: 'see you at 8',
            mediaUrl: '',
            sendTime: new Date().toISOString(),
            recipients: ['2-1a2b3c4d5e6f7081'],
          }),
          variant,
        );
      },
    },
    posts: {
      'a posts.created event': async (states) => {
        requireState(states, 'a post with tags was created');
        return published(
          postCreatedEvent({
            id: 77,
            userId: '1-0a1b2c3d4e5f6071',
            description: 'harbour at dawn',
            mediaUrl: '',
            tags: ['sea', 'dawn'],
            createdAt: new Date(),
          }),
          variant,
        );
      },
    },
  };
}
