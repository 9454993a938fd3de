import { MatchersV3 } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@socialnet/reference';
import { consumeAs, kafkaRecordOf } from '../support/consume.ts';
import { serviceDatabase } from '../support/database.ts';
import { envelopeMetadata, RFC3339_UTC, USER_ID } from '../support/envelope-metadata.ts';
import { consumerPact } from '../support/pact-files.ts';

const { integer, regex, string, eachLike } = MatchersV3;

const SENDER = '1-9f3c2a7b1d4e5f60';
const RECIPIENT = '2-1a2b3c4d5e6f7081';

// chats → notifications over Kafka: notification-service consumes messages.created and writes one notification per
// recipient (never the sender), through the event side's real decoding, schema check, inbox and handler.
describe('consumer notifications, provider chats (messages.created)', () => {
  const { pact, expectCommitted } = consumerPact('notifications', 'chats');
  let db: Database;
  beforeAll(async () => {
    db = await serviceDatabase('notifications');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('notifies each recipient of a sent message, not the sender', async () => {
    await pact
      .addAsynchronousInteraction()
      .given('a message was sent in a chat with another member')
      .expectsToReceive('a messages.created event', (message) =>
        message
          .withJSONContent({
            message_id: integer(7),
            chat_id: integer(3),
            user_id: regex(USER_ID, SENDER),
            text: string('hi'),
            media_url: string(''),
            send_time: regex(RFC3339_UTC, '2026-12-07T07:00:00.123Z'),
            recipient_ids: eachLike(regex(USER_ID, RECIPIENT)),
          })
          .withMetadata(envelopeMetadata('dev.socialnet.messages.created.v1', '/socialnet/message-service', '3')),
      )
      .executeTest(async (message) => {
        await consumeAs('notification-service', db, kafkaRecordOf(message));
        const { rows } = await db.query<{
          user_id: string;
          body: string;
          meta: { chat_id: number; message_id: number; sender_id: string };
        }>('SELECT user_id, body, meta FROM notifications.notifications ORDER BY user_id');
        expect(rows).toEqual([
          {
            user_id: RECIPIENT,
            body: 'hi',
            meta: expect.objectContaining({ chat_id: 3, message_id: 7, sender_id: SENDER }),
          },
        ]);
      });
  });

  it('writes the committed pact', async () => {
    await expectCommitted();
  });
});
