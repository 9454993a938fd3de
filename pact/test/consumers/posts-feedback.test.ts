import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { ALL_SERVICES, type HandlerContext, type PlatformDeps } from '@socialnet/reference';
import { depsCalling } from '../support/consumer-deps.ts';
import { consumerPact } from '../support/pact-files.ts';

const { integer } = MatchersV3;
const getPost = ALL_SERVICES.find((m) => m.name === 'posts')!.handlers.getPost!;

// posts → feedback: GET /posts/{post_id} adds the like and comment counts it reads from the feedback service
// (getPost; public, no caller's bearer), degrading to zeros when feedback cannot answer.
describe('consumer posts, provider feedback', () => {
  const { pact, expectCommitted } = consumerPact('posts', 'feedback');

  it('reads a post’s like and comment counts', async () => {
    await pact
      .addInteraction()
      .given('post 42 has likes and comments')
      .uponReceiving('the counts of post 42')
      .withRequest('GET', '/posts/42/counts')
      .willRespondWith(200, (response) =>
        response.jsonBody({ post_id: integer(42), likes: integer(3), comments: integer(2) }),
      )
      .executeTest(async (server) => {
        const post = {
          id: 42,
          user_id: '1-9f3c2a7b1d4e5f60',
          description: 'x',
          media: '',
          views: 0,
          tags: [],
          created_at: new Date(0),
          updated_at: new Date(0),
        };
        const db = { query: async () => ({ rows: [post], rowCount: 1 }) };
        const ctx = {
          params: { post_id: 42 },
          db,
          deps: depsCalling('posts', server.url),
        } as unknown as HandlerContext<PlatformDeps>;
        const answer = await getPost(ctx);
        expect(answer.body).toMatchObject({ id: 42, likes: 3, comments: 2 });
        expect(answer.body).not.toHaveProperty('counts_degraded');
      });
  });

  it('writes the committed pact', async () => {
    await expectCommitted();
  });
});
