import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { homeAuthors } from '@socialnet/reference';
import { CALLER, depsCalling } from '../support/consumer-deps.ts';
import { consumerPact } from '../support/pact-files.ts';

const { regex, eachLike, integer, fromProviderState } = MatchersV3;

const FOLLOWED = '2-4b1d0c9e8f7a6b5c';
const BLOCKED = '3-0a1b2c3d4e5f6a7b';
const VERSION = '"r-1733580000000000"';
const ETAG = regex('^(W/)?"[\\x21\\x23-\\x7E]*"$', VERSION);

// feed → users: the home feed (GET /feed, POST /feed/rebuild) reads the caller's follows (type 1) and blocks (type 3)
// from GET /relationships as the caller (homeAuthors), one page of 100 at a time; it keeps the list with the page's
// ETag and, on the next read, revalidates it with one conditional request (304: unchanged).
describe('consumer feed, provider users', () => {
  const { pact, expectCommitted } = consumerPact('feed', 'users');

  const page = (type: number, state: string, example: string) =>
    pact
      .addInteraction()
      .given(state)
      .uponReceiving(`the caller's relationships of type ${type}, first page`)
      .withRequest('GET', '/relationships', (request) =>
        request
          .query({ type: String(type), limit: '100', offset: '0' })
          .headers({ Authorization: regex('^Bearer .+$', 'Bearer caller-token') }),
      )
      .willRespondWith(200, (response) =>
        response.headers({ ETag: ETAG }).jsonBody({
          items: eachLike(regex('^[0-9]+-[0-9a-f]{1,16}$', example)),
          type: integer(type),
          limit: integer(100),
          offset: integer(0),
        }),
      );

  it('reads follows and blocks, and leaves the blocked out of the home feed authors', async () => {
    page(1, 'the caller follows two users and blocks one of them', FOLLOWED);
    await page(3, 'the caller follows two users and blocks one of them', BLOCKED).executeTest(async (server) => {
      const authors = await homeAuthors(depsCalling('feed', server.url), CALLER);
      expect(authors).toEqual([FOLLOWED]);
    });
  });

  it('revalidates the kept list with If-None-Match: 304 means unchanged, and the kept list is used', async () => {
    const state = "the caller's relationships are at a known version";
    page(1, state, FOLLOWED);
    page(3, state, BLOCKED);
    await pact
      .addInteraction()
      .given(state)
      .uponReceiving("a conditional read of the caller's relationships at their current version")
      .withRequest('GET', '/relationships', (request) =>
        request.query({ type: '1', limit: '1' }).headers({
          Authorization: regex('^Bearer .+$', 'Bearer caller-token'),
          'If-None-Match': fromProviderState('${relationshipsVersion}', VERSION),
        }),
      )
      .willRespondWith(304, (response) => response.headers({ ETag: ETAG }))
      .executeTest(async (server) => {
        const deps = depsCalling('feed', server.url);
        expect(await homeAuthors(deps, CALLER)).toEqual([FOLLOWED]);
        expect(await homeAuthors(deps, CALLER)).toEqual([FOLLOWED]);
      });
  });

  it('writes the committed pact', async () => {
    await expectCommitted();
  });
});
