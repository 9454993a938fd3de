import { ALL_SERVICES, type Handler, type PlatformVariant } from '@socialnet/reference';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defectsOf } from '../../src/engine/check.ts';
import { startReference, type StartedReference } from '../../src/reference.ts';
import { poll } from '../../src/engine/poll.ts';
import D6 from '../defects/D6-feed-rebuild-only.ts';
import { explain } from '../harness/expect-run.ts';
import { FEED_CHECKS, runFeedChecks, statuses } from './feed-checks.ts';
import { followeesOnce, offsetPages, secondScores } from './original-facets.ts';

// One platform for the reference and each of the original's faults (starting one takes seconds, most of it the
// platform's own start): its home-feed handlers delegate to the fault under test, else to the reference's own
// handler functions, so with no fault it is the reference unchanged.
const own = ALL_SERVICES.find((m) => m.name === 'feed')!.handlers;
let fault: Record<string, Handler> = {};
const delegate =
  (id: string): Handler =>
  (ctx) =>
    (fault[id] ?? own[id]!)(ctx);
const switchable: PlatformVariant = {
  name: 'original feed faults',
  handlers: { feed: { getHomeFeed: delegate('getHomeFeed'), rebuildHomeFeed: delegate('rebuildHomeFeed') } },
};

describe('feed checks (review defect 6) against the reference with its event side (embedded broker, PGlite)', () => {
  let ref: StartedReference;
  beforeAll(async () => {
    ref = await startReference({ variant: switchable });
  });
  afterAll(() => ref?.close());

  it('the reference passes every target: fresh without rebuild (celebrity too), ordered, cursor-stable, exclusions honoured', async () => {
    fault = {};
    const result = await runFeedChecks(ref);
    expect(statuses(result), explain(result)).toEqual({
      'feed.cursor-stable GET /api/feed: pages of 2 while posts arrive': 'pass',
      'feed.excludes GET /api/feed: blocked author': 'pass',
      'feed.excludes GET /api/feed: not-followed author': 'pass',
      'feed.excludes GET /api/feed: unfollowed author': 'pass',
      'feed.order GET /api/feed: order of interleaved posts': 'pass',
      "feed.visible-without-rebuild GET /api/feed: a followed author's post": 'pass',
      "feed.visible-without-rebuild GET /api/feed: a followed celebrity's post": 'pass',
    });
    expect(result.observations.filter((o) => o.kind === 'feed-visibility').map((o) => o.data.visible)).toEqual([
      true,
      true,
    ]);
  });

  it(`${D6.id} ${D6.slug}: exactly the checks tagged defect:D6 fail, the others cannot observe a post and are blocked`, async () => {
    fault = (D6.variant as PlatformVariant).handlers!.feed!;
    const result = await runFeedChecks(ref);
    expect(statuses(result), explain(result)).toEqual({
      'feed.cursor-stable GET /api/feed: pages of 2 while posts arrive': 'blocked',
      'feed.excludes GET /api/feed: blocked author': 'blocked',
      'feed.excludes GET /api/feed: not-followed author': 'blocked',
      'feed.excludes GET /api/feed: unfollowed author': 'blocked',
      'feed.order GET /api/feed: order of interleaved posts': 'blocked',
      "feed.visible-without-rebuild GET /api/feed: a followed author's post": 'fail',
      "feed.visible-without-rebuild GET /api/feed: a followed celebrity's post": 'fail',
    });
    const failed = result.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(failed).toEqual(FEED_CHECKS.filter((c) => defectsOf(c).includes('D6')).map((c) => c.id));
    for (const f of result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings))) {
      expect(f.clause?.id).toBe('SN-FEED-FRESHNESS');
      expect(f.location?.file).toBe('specs/openapi/feed.yaml');
      expect(f.exchange?.curl).toMatch(/^curl .*\/api\/feed/);
    }
  });

  it(`${D6.id} is the original's design, not a broken feed: the post appears once the reader calls POST /feed/rebuild`, async () => {
    fault = (D6.variant as PlatformVariant).handlers!.feed!;
    const api = async (path: string, init: { token?: string; body?: unknown; method?: string } = {}) => {
      const res = await fetch(`${ref.target.baseUrl}/api${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const register = async (name: string) =>
      (
        await api('/users', {
          body: { email: `${name}-${Date.now()}@example.com`, password: 'Feed-test-password-1', name },
        })
      ).body;
    const [reader, author] = await Promise.all([register('d6-reader'), register('d6-author')]);
    expect(
      (await api('/relationships', { token: reader.access_token, body: { related_id: author.user_id, type: 1 } }))
        .status,
    ).toBe(200);
    const post = (await api('/posts', { token: author.access_token, body: { description: 'd6 post' } })).body;
    const inAuthorFeed = await poll(
      async () =>
        (await api(`/users/${author.user_id}/feed`)).body.items.some((i: any) => i.post_id === post.id)
          ? true
          : undefined,
      10_000,
    );
    expect(inAuthorFeed).toBe(true);
    expect((await api('/feed', { token: reader.access_token })).body.items).toEqual([]);
    expect((await api('/feed/rebuild', { token: reader.access_token, body: {} })).status).toBe(200);
    expect((await api('/feed', { token: reader.access_token })).body.items.map((i: any) => i.post_id)).toEqual([
      post.id,
    ]);
  });

  it('offset pages (the original paged by offset): feed.cursor-stable fails with repeated entries', async () => {
    fault = offsetPages;
    const result = await runFeedChecks(ref, ['feed.cursor-stable']);
    expect(statuses(result), explain(result)).toEqual({
      'feed.cursor-stable GET /api/feed: pages of 2 while posts arrive': 'fail',
    });
    expect(result.checks[0]!.targets[0]!.findings[0]!.received).toMatch(/repeated/);
  });

  it('whole-second scores with arbitrary ties (the original rebuild): feed.order fails', async () => {
    fault = secondScores;
    const result = await runFeedChecks(ref, ['feed.order']);
    expect(statuses(result), explain(result)).toEqual({
      'feed.order GET /api/feed: order of interleaved posts': 'fail',
    });
  });

  it('followees read once and blocks ignored (the original): feed.excludes fails for unfollowed and blocked authors only', async () => {
    fault = followeesOnce();
    const result = await runFeedChecks(ref, ['feed.excludes']);
    expect(statuses(result), explain(result)).toEqual({
      'feed.excludes GET /api/feed: blocked author': 'fail',
      'feed.excludes GET /api/feed: not-followed author': 'pass',
      'feed.excludes GET /api/feed: unfollowed author': 'fail',
    });
  });
});
