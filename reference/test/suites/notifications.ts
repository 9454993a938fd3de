import { expect, it } from 'vitest';
import type { Platform } from '../../src/index.ts';
import { apiClient } from '../support/client.ts';
import { mintOriginalToken } from '../support/original-token.ts';
import { TEST_SECRET } from '../support/targets.ts';
import { registerUser, type TestUser } from '../support/users.ts';

/** Notifications, and review defects D2 (home-made token) and D5 (public per-user list). */
export function notificationsSuite(platform: () => Platform) {
  let alice: TestUser;
  let bob: TestUser;
  let noteId: string;

  it('D2: the standard JWT works on every notification route; the original home-made raw.sig token is refused', async () => {
    const base = platform().baseUrl;
    [alice, bob] = await Promise.all([registerUser(base, 'alice'), registerUser(base, 'bob')]);
    const created = await alice.api.POST('/api/notifications/test', {
      body: { user_id: alice.userId, title: 'hi', body: 'there', kind: 'message', meta: { chat_id: 1 } },
    });
    expect(created.response.status).toBe(201);
    noteId = created.data!.id;
    expect((await alice.api.GET('/api/notifications', {})).data!.notifications.map((n) => n.id)).toEqual([noteId]);
    const homemade = apiClient(base, mintOriginalToken(alice.userId, TEST_SECRET));
    const refused = await homemade.GET('/api/notifications', {});
    expect(refused.response.status).toBe(401);
    expect(refused.response.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="socialnet", error="invalid_token"/,
    );
    expect(
      (await homemade.GET('/api/users/{user_id}/notifications', { params: { path: { user_id: alice.userId } } }))
        .response.status,
    ).toBe(401);
  });

  it("D5: another user's notifications are 403, an anonymous read is 401 with WWW-Authenticate, the owner reads them", async () => {
    const base = platform().baseUrl;
    const other = await bob.api.GET('/api/users/{user_id}/notifications', {
      params: { path: { user_id: alice.userId } },
    });
    expect(other.response.status).toBe(403);
    expect(JSON.stringify(other.error)).not.toContain(noteId);
    const anonymous = await apiClient(base).GET('/api/users/{user_id}/notifications', {
      params: { path: { user_id: alice.userId } },
    });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.response.headers.get('www-authenticate')).toBe('Bearer realm="socialnet"');
    const own = await alice.api.GET('/api/users/{user_id}/notifications', {
      params: { path: { user_id: alice.userId } },
    });
    expect(own.data!.notifications.map((n) => n.id)).toEqual([noteId]);
  });

  it("nobody writes into another user's notifications, or marks them read", async () => {
    expect(
      (
        await bob.api.POST('/api/notifications/test', {
          body: { user_id: alice.userId, title: 'phish', body: 'x', kind: 'message' },
        })
      ).response.status,
    ).toBe(403);
    expect(
      (
        await bob.api.POST('/api/notifications/{notification_id}/read', {
          params: { path: { notification_id: noteId } },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await alice.api.POST('/api/notifications/{notification_id}/read', {
          params: { path: { notification_id: noteId } },
        })
      ).response.status,
    ).toBe(200);
    expect((await alice.api.GET('/api/notifications', {})).data!.notifications[0]!.read).toBe(true);
  });

  it('marking one notification read leaves the others alone, and cursor pages are stable', async () => {
    for (const title of ['a', 'b', 'c'])
      await bob.api.POST('/api/notifications/test', {
        body: { user_id: bob.userId, title, body: '', kind: 'message' },
      });
    const page1 = await bob.api.GET('/api/notifications', { params: { query: { limit: 2 } } });
    expect(page1.data!.notifications.map((n) => n.title)).toEqual(['c', 'b']);
    const page2 = await bob.api.GET('/api/notifications', {
      params: { query: { limit: 2, cursor: page1.data!.next_cursor! } },
    });
    expect(page2.data!.notifications.map((n) => n.title)).toEqual(['a']);
    expect(page2.data!.next_cursor).toBeNull();
    await bob.api.POST('/api/notifications/{notification_id}/read', {
      params: { path: { notification_id: page2.data!.notifications[0]!.id } },
    });
    const all = await bob.api.GET('/api/notifications', {});
    expect(all.data!.notifications.map((n) => [n.title, n.read])).toEqual([
      ['c', false],
      ['b', false],
      ['a', true],
    ]);
    expect(
      (await bob.api.GET('/api/notifications', { params: { query: { cursor: 'not-a-cursor' } } })).response.status,
    ).toBe(400);
  });
}
