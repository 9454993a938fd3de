import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToAuthorTimeline } from '../../src/events/handlers/add-to-author-timeline.ts';
import { startPlatformWithEvents, type PlatformWithEvents } from '../../src/platform/with-events.ts';
import { issueJwt } from '../../src/shared/auth/issue-jwt.ts';
import { DUMMY_PASSWORD_HASH } from '../../src/shared/auth/password.ts';

// Both strategies on one platform (embedded broker, PGlite): FEED_STRATEGY is read on every use, so the same graph
// and the same posts are read once with each. The fan-out threshold is 3 here, so an author with 4 followers is
// merged at read time like a celebrity.
const secret = randomBytes(32).toString('base64url');
let platform: PlatformWithEvents;
const saved = { strategy: process.env.FEED_STRATEGY, threshold: process.env.FEED_FANOUT_THRESHOLD };

interface User {
  id: string;
  token: string;
}
const users: Record<string, User> = {};
const api = async (path: string, init: { as?: string; body?: unknown; method?: string } = {}) => {
  const res = await fetch(`${platform.baseUrl}/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.as ? { authorization: `Bearer ${users[init.as]!.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as any };
};
const relate = async (who: string, whom: string, type: number, method = 'POST') =>
  expect((await api('/relationships', { as: who, method, body: { related_id: users[whom]!.id, type } })).status).toBe(
    200,
  );
const posted: number[] = [];
const post = async (who: string, text: string) => {
  const answer = await api('/posts', { as: who, body: { description: text } });
  expect(answer.status).toBe(201);
  posted.push(answer.body.id);
};
/** Every post in its author's timeline and no fan-out pending. */
const settled = async () => {
  for (let i = 0; i < 400; i++) {
    const { rows } = await platform.db.query<{ missing: number; queued: number }>(
      `SELECT (SELECT count(*)::int FROM unnest($1::bigint[]) p(id) WHERE NOT EXISTS (SELECT 1 FROM feed.author_timeline WHERE post_id = p.id)) AS missing,
              (SELECT count(*)::int FROM feed.fanout_queue) AS queued`,
      [posted],
    );
    if (rows[0]!.missing === 0 && rows[0]!.queued === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('posts not settled after 20 s');
};
/** The whole home feed, paged by 2 (cursors included), under one strategy. */
const homeFeed = async (strategy: 'pull' | 'hybrid', reader: string) => {
  process.env.FEED_STRATEGY = strategy;
  const ids: Array<[string, number]> = [];
  let cursor: string | null = null;
  do {
    const answer: { status: number; body: any } = await api(`/feed?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
      as: reader,
    });
    expect(answer.status).toBe(200);
    ids.push(...answer.body.items.map((i: any) => [i.author_id, i.post_id] as [string, number]));
    cursor = answer.body.next_cursor;
  } while (cursor);
  return ids;
};
const name = (id: string) => Object.keys(users).find((k) => users[k]!.id === id);
const bothStrategies = async (reader: string) => {
  const pull = await homeFeed('pull', reader);
  const hybrid = await homeFeed('hybrid', reader);
  expect(hybrid).toEqual(pull);
  return pull.map(([author]) => name(author));
};
const homeRows = async (author: string) =>
  (
    await platform.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feed.home_timeline WHERE author_id = $1', [
      users[author]!.id,
    ])
  ).rows[0]!.n;

describe('feed strategies: pull and hybrid return the same feed for the same graph and posts once settled', () => {
  beforeAll(async () => {
    process.env.FEED_STRATEGY = 'hybrid';
    process.env.FEED_FANOUT_THRESHOLD = '3';
    platform = await startPlatformWithEvents({ jwtSecret: secret, logLevel: 'silent' });
    await platform.events.ready();
    // users straight into the users service's table: registering runs the password KDF, seconds each here
    for (const [i, n] of ['plain', 'popular', 'celebrity', 'late', 'r1', 'r2', 'r3', 'admin'].entries()) {
      const id = `${i % 4}-${randomBytes(8).toString('hex')}`;
      await platform.db.query(
        `INSERT INTO users.users (user_id, shard_id, email, name, password_hash) VALUES ($1, $2, $3, $4, $5)`,
        [id, i % 4, `${id}@example.com`, n, DUMMY_PASSWORD_HASH],
      );
      users[n] = { id, token: (await issueJwt(secret, id, n === 'admin' ? ['admin'] : [])).token };
    }
  });
  afterAll(async () => {
    await platform?.close();
    process.env.FEED_STRATEGY = saved.strategy;
    process.env.FEED_FANOUT_THRESHOLD = saved.threshold;
    if (saved.strategy === undefined) delete process.env.FEED_STRATEGY;
    if (saved.threshold === undefined) delete process.env.FEED_FANOUT_THRESHOLD;
  });

  it('pushed, above-threshold and celebrity authors, blocks, unfollows and a late follow (backfill) agree', async () => {
    expect((await api(`/celebrities/${users.celebrity!.id}`, { as: 'admin', body: {} })).status).toBe(200);
    for (const r of ['r1', 'r2', 'r3']) for (const a of ['plain', 'popular', 'celebrity']) await relate(r, a, 1);
    await relate('admin', 'popular', 1); // popular: 4 followers, above the threshold
    await relate('r3', 'plain', 3); // r3 blocks plain
    await post('late', 'late 1'); // before anyone follows late
    for (let i = 1; i <= 3; i++) for (const a of ['plain', 'popular', 'celebrity']) await post(a, `${a} ${i}`);
    await settled();
    const r1 = await bothStrategies('r1');
    expect(r1.filter((a) => a === 'plain')).toHaveLength(3);
    expect(r1.filter((a) => a === 'popular')).toHaveLength(3);
    expect(r1.filter((a) => a === 'celebrity')).toHaveLength(3);
    expect((await bothStrategies('r3')).includes('plain')).toBe(false);
    // plain (3 followers) is pushed: 3 posts x 3 followers; popular (4) and the celebrity write no home row
    expect(await homeRows('plain')).toBe(9);
    expect(await homeRows('celebrity')).toBe(0);
    expect(await homeRows('popular')).toBe(0);

    await relate('r2', 'popular', 1, 'DELETE'); // unfollow
    await relate('r2', 'late', 1); // late follow: backfilled
    await post('late', 'late 2');
    await settled();
    const r2 = await bothStrategies('r2');
    expect(r2.includes('popular')).toBe(false);
    expect(r2.filter((a) => a === 'late')).toHaveLength(2);
  });

  it('below the threshold posts are pushed, one row per follower; a redelivered event duplicates nothing', async () => {
    process.env.FEED_STRATEGY = 'hybrid';
    await relate('r1', 'late', 1); // late now has r1 and r2: 2 followers, not above the threshold
    await post('late', 'late 3');
    await settled();
    const pushedFor = async (postId: number) =>
      (
        await platform.db.query<{ user_id: string }>(
          'SELECT user_id FROM feed.home_timeline WHERE post_id = $1 ORDER BY user_id',
          [postId],
        )
      ).rows.map((r) => r.user_id);
    const last = posted[posted.length - 1]!;
    expect(await pushedFor(last)).toEqual([users.r1!.id, users.r2!.id].sort());
    const before = await bothStrategies('r1');

    // the same posts.created event again (as a replay under a new event id would bring it): queued and fanned out again
    const { rows } = await platform.db.query<Record<string, unknown>>(
      `SELECT author_id AS user_id, post_id AS id, snippet AS description, media_url, tags, created_at FROM feed.author_timeline WHERE post_id = $1`,
      [last],
    );
    await platform.db.transaction((tx) =>
      addToAuthorTimeline.apply(tx, [
        { payload: { ...rows[0], created_at: (rows[0]!.created_at as Date).toISOString() } } as never,
      ]),
    );
    await settled();
    expect(await pushedFor(last)).toEqual([users.r1!.id, users.r2!.id].sort());
    expect(await bothStrategies('r1')).toEqual(before);
  });

  it('a rebuild is a repair: the hybrid feed is the same after it', async () => {
    const before = await bothStrategies('r1');
    process.env.FEED_STRATEGY = 'hybrid';
    expect((await api('/feed/rebuild', { as: 'r1', body: {} })).status).toBe(200);
    expect(await bothStrategies('r1')).toEqual(before);
  });
});
