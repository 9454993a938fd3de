import { MatchersV3 } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@socialnet/reference';
import { consumeAs, kafkaRecordOf } from '../support/consume.ts';
import { serviceDatabase } from '../support/database.ts';
import { envelopeMetadata, RFC3339_UTC, USER_ID } from '../support/envelope-metadata.ts';
import { consumerPact } from '../support/pact-files.ts';

const { integer, regex, string, eachLike } = MatchersV3;

const AUTHOR = '1-9f3c2a7b1d4e5f60';

// posts → feed over Kafka: feed-service consumes posts.created and puts the post in its author's timeline, through the
// event side's real decoding, schema check, inbox and handler.
describe('consumer feed, provider posts (posts.created)', () => {
  const { pact, expectCommitted } = consumerPact('feed', 'posts');
  let db: Database;
  beforeAll(async () => {
    db = await serviceDatabase('feed');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('adds a created post to its author’s timeline', async () => {
    await pact
      .addAsynchronousInteraction()
      .given('a post with tags was created')
      .expectsToReceive('a posts.created event', (message) =>
        message
          .withJSONContent({
            id: integer(42),
            user_id: regex(USER_ID, AUTHOR),
            description: string('sunset'),
            media_url: string('http://127.0.0.1:8088/media/posts%2F1-9f3c2a7b1d4e5f60_20261207T070000_photo.png'),
            tags: eachLike(string('sky')),
            created_at: regex(RFC3339_UTC, '2026-12-07T07:00:00.123Z'),
          })
          .withMetadata(envelopeMetadata('dev.socialnet.posts.created.v1', '/socialnet/post-service', '42')),
      )
      .executeTest(async (message) => {
        await consumeAs('feed-service', db, kafkaRecordOf(message));
        const { rows } = await db.query<{ author_id: string; post_id: string; snippet: string; tags: string[] }>(
          'SELECT author_id, post_id::text, snippet, tags FROM feed.author_timeline',
        );
        expect(rows).toEqual([{ author_id: AUTHOR, post_id: '42', snippet: 'sunset', tags: ['sky'] }]);
      });
  });

  it('writes the committed pact', async () => {
    await expectCommitted();
  });
});
