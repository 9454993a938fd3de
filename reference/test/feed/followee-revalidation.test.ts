import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPostgres } from '../../../scripts/testing/infra.ts';
import type { Platform, PlatformDeps, Principal } from '../../src/index.ts';
import { issueJwt } from '../../src/shared/auth/issue-jwt.ts';
import { DUMMY_PASSWORD_HASH } from '../../src/shared/auth/password.ts';
import { createServiceClient, type ServiceClient } from '../../src/shared/http/service-client.ts';
import { homeAuthorsWithVersion } from '../../src/services/feed/followees.ts';
import { startTestPlatform, TEST_SECRET, type Backend } from '../support/targets.ts';

// listRelationships' ETag (the version of all the caller's relationships) and the feed's use of it: the followee
// list is kept per reader and revalidated with one conditional request per read.
function suite(backend: Backend, adminUrl?: string) {
  let platform: Platform;
  const users: Record<string, Principal> = {};
  /** Requests the feed's users client sent, by path. */
  const sent: string[] = [];
  let deps: PlatformDeps;

  const api = (
    path: string,
    as: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${platform.baseUrl}/api${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${users[as]!.token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const relate = async (who: string, whom: string, type: number, method = 'POST') => {
    const res = await api('/relationships', who, { method, body: { related_id: users[whom]!.userId, type } });
    expect(res.status, await res.text()).toBe(200);
  };
  const etagOf = async (query: string, as = 'reader') => {
    const res = await api(`/relationships?${query}`, as);
    expect(res.status).toBe(200);
    return res.headers.get('etag')!;
  };
  const authorsOf = async (who: string) => (await homeAuthorsWithVersion(deps, users[who]!)).authors;

  beforeAll(async () => {
    platform = await startTestPlatform(backend, adminUrl);
    for (const [i, name] of ['reader', 'a', 'b', 'c', 'other'].entries()) {
      const id = `${i % 4}-${randomBytes(8).toString('hex')}`;
      await platform.db.query(
        'INSERT INTO users.users (user_id, shard_id, email, name, password_hash) VALUES ($1, $2, $3, $4, $5)',
        [id, i % 4, `${id}@example.com`, name, DUMMY_PASSWORD_HASH],
      );
      users[name] = { userId: id, roles: [], token: (await issueJwt(TEST_SECRET, id, [])).token };
    }
    const counting = (client: ServiceClient): ServiceClient => ({
      call(method, path, options) {
        sent.push(`${method} ${path}${options?.headers?.['If-None-Match'] ? ' (conditional)' : ''}`);
        return client.call(method, path, options);
      },
    });
    deps = {
      client: (to: 'users') => counting(createServiceClient(to, () => platform.services.users, true)),
    } as unknown as PlatformDeps;
  });
  afterAll(() => platform?.close());

  it('one ETag for every page and type; If-None-Match with it gets 304 and no body', async () => {
    const etag = await etagOf('type=1');
    expect(etag).toMatch(/^"r-\d+"$/);
    expect(await etagOf('type=3&limit=1&offset=5')).toBe(etag);
    for (const field of [etag, `W/${etag}`, '*', `"nope", ${etag}`]) {
      const res = await api('/relationships?type=1', 'reader', { headers: { 'if-none-match': field } });
      expect(res.status, field).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    expect((await api('/relationships', 'reader', { headers: { 'if-none-match': '"r-0-other"' } })).status).toBe(200);
  });

  it('every write that changes a relationship changes the version, by any writer; one that changes nothing does not', async () => {
    const before = await etagOf('type=1');
    await relate('reader', 'a', 1);
    const afterFollow = await etagOf('type=1');
    expect(afterFollow).not.toBe(before);
    await relate('reader', 'a', 1); // already there: nothing changes
    expect(await etagOf('type=1')).toBe(afterFollow);
    await relate('reader', 'b', 3);
    const afterBlock = await etagOf('type=1');
    expect(afterBlock).not.toBe(afterFollow); // another type, the same version
    // a statement of several rows of one user, as a seed script writes them
    await platform.db.query(
      'INSERT INTO users.relationships (user_id, related_id, type) VALUES ($1, $2, 2), ($1, $3, 2)',
      [users.reader!.userId, users.c!.userId, users.other!.userId],
    );
    const afterSql = await etagOf('type=1');
    expect(afterSql).not.toBe(afterBlock);
    await relate('reader', 'c', 2, 'DELETE');
    expect(await etagOf('type=1')).not.toBe(afterSql);
    await relate('reader', 'other', 2, 'DELETE');
    await relate('other', 'a', 1); // someone else's relationships: not the reader's version
    expect(await etagOf('type=1')).not.toBe(await etagOf('type=1', 'other'));
  });

  it("the feed revalidates the reader's followees with one conditional request and sees each change on the next read", async () => {
    await relate('reader', 'b', 3, 'DELETE');
    sent.length = 0;
    expect(await authorsOf('reader')).toEqual([users.a!.userId]);
    expect(sent.filter((s) => s.includes('(conditional)'))).toEqual([]); // nothing kept yet: the walk
    sent.length = 0;
    for (let i = 0; i < 3; i++) expect(await authorsOf('reader')).toEqual([users.a!.userId]);
    expect(sent).toEqual(Array(3).fill('GET /relationships?type=1&limit=1 (conditional)'));

    await relate('reader', 'b', 1); // follow
    expect((await authorsOf('reader')).sort()).toEqual([users.a!.userId, users.b!.userId].sort());
    await relate('reader', 'a', 3); // block
    expect(await authorsOf('reader')).toEqual([users.b!.userId]);
    await relate('reader', 'b', 1, 'DELETE'); // unfollow
    expect(await authorsOf('reader')).toEqual([]);
  });

  it('a home feed read shows a follow, an unfollow and a block at once', async () => {
    const post = async (who: string, id: number) =>
      platform.db.query(
        `INSERT INTO feed.author_timeline (author_id, post_id, snippet, created_at) VALUES ($1, $2, 's', now())`,
        [users[who]!.userId, id],
      );
    await post('c', 91);
    const feed = async () =>
      ((await (await api('/feed', 'other')).json()) as { items: Array<{ post_id: number }> }).items.map(
        (i) => i.post_id,
      );
    expect(await feed()).toEqual([]);
    await relate('other', 'c', 1);
    expect(await feed()).toEqual([91]);
    await relate('other', 'c', 3);
    expect(await feed()).toEqual([]);
    await relate('other', 'c', 3, 'DELETE');
    expect(await feed()).toEqual([91]);
    await relate('other', 'c', 1, 'DELETE');
    expect(await feed()).toEqual([]);
  });
}

describe('followee revalidation on PGlite', () => suite('pglite'));
withPostgres('followee revalidation on real PostgreSQL, split services', (adminUrl) => suite('postgres', adminUrl));
