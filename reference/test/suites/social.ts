import { expect, it } from 'vitest';
import { issueJwt, type Platform } from '../../src/index.ts';
import { apiClient } from '../support/client.ts';
import { TEST_SECRET } from '../support/targets.ts';
import { registerUser, type TestUser } from '../support/users.ts';

/** Users (login, profile, interests, graph), feedback and feeds. */
export function socialSuite(platform: () => Platform) {
  let ada: TestUser;
  let ben: TestUser;

  it('logs in with the registered password (401 otherwise) and answers whoami', async () => {
    const base = platform().baseUrl;
    [ada, ben] = await Promise.all([registerUser(base, 'ada'), registerUser(base, 'ben')]);
    const login = await apiClient(base).POST('/api/users/login', {
      body: { email: ada.email, password: 'correct-horse' },
    });
    expect(login.data).toMatchObject({ message: 'login successful', user_id: ada.userId });
    expect(
      (await apiClient(base).POST('/api/users/login', { body: { email: ada.email, password: 'wrong-horse' } })).response
        .status,
    ).toBe(401);
    expect(
      (
        await apiClient(base).POST('/api/users', {
          body: { email: ada.email.toUpperCase(), password: 'correct-horse', name: 'x' },
        })
      ).response.status,
    ).toBe(409);
    expect((await ada.api.GET('/api/whoami', {})).data).toMatchObject({ user_id: ada.userId });
    const publicView = await apiClient(base).GET('/api/users/{user_id}', { params: { path: { user_id: ada.userId } } });
    expect(publicView.data).toMatchObject({ user_id: ada.userId, name: 'ada' });
    expect(publicView.data).not.toHaveProperty('email');
    const shard = await ada.api.GET('/api/users', { params: { query: { limit: 100 } } });
    expect(shard.data!.items.every((u) => u.shard_id === shard.data!.shard_id)).toBe(true);
  });

  it('profiles, interests and the three graph tables', async () => {
    expect(
      (await ada.api.PUT('/api/profile', { body: { description: 'climber', city_id: 3, hobby: { rock: true } } }))
        .response.status,
    ).toBe(200);
    expect(
      (await ben.api.GET('/api/profile/{user_id}', { params: { path: { user_id: ada.userId } } })).data,
    ).toMatchObject({ description: 'climber', city_id: 3, hobby: { rock: true } });
    expect(
      (await ada.api.GET('/api/profile/{user_id}', { params: { path: { user_id: ben.userId } } })).response.status,
    ).toBe(404);
    const interest = await ada.api.POST('/api/interests', { body: { name: `bouldering-${ada.userId}` } });
    expect(interest.response.status).toBe(201);
    await ada.api.POST('/api/interests/{interest_id}', { params: { path: { interest_id: interest.data!.id } } });
    expect((await ada.api.GET('/api/interests', {})).data!.items).toEqual([interest.data]);
    await ada.api.DELETE('/api/interests/{interest_id}', { params: { path: { interest_id: interest.data!.id } } });
    expect((await ada.api.GET('/api/interests', {})).data!.items).toEqual([]);
    expect(
      (await ada.api.POST('/api/interests/{interest_id}', { params: { path: { interest_id: 999_999 } } })).response
        .status,
    ).toBe(404);
    await ada.api.POST('/api/follow/{target_id}', { params: { path: { target_id: ben.userId } } });
    expect((await ada.api.GET('/api/follow', {})).data!.items).toEqual([ben.userId]);
    await ada.api.DELETE('/api/follow/{target_id}', { params: { path: { target_id: ben.userId } } });
    expect((await ada.api.GET('/api/follow', {})).data!.items).toEqual([]);
    expect(
      (await ada.api.POST('/api/follow/{target_id}', { params: { path: { target_id: ada.userId } } })).response.status,
    ).toBe(400);
    expect(
      (await ada.api.POST('/api/follow/{target_id}', { params: { path: { target_id: '9-abc' } } })).response.status,
    ).toBe(404);
    await ada.api.POST('/api/friends/{friend_id}', { params: { path: { friend_id: ben.userId } } });
    expect((await ben.api.GET('/api/friends', {})).data!.items).toEqual([ada.userId]);
    await ben.api.DELETE('/api/friends/{friend_id}', { params: { path: { friend_id: ada.userId } } });
    expect((await ada.api.GET('/api/friends', {})).data!.items).toEqual([]);
    await ada.api.POST('/api/relationships', { body: { related_id: ben.userId, type: 3 } });
    expect((await ada.api.GET('/api/relationships', { params: { query: { type: 3 } } })).data!.items).toEqual([
      ben.userId,
    ]);
    await ada.api.DELETE('/api/relationships', { body: { related_id: ben.userId, type: 3 } });
    expect((await ada.api.GET('/api/relationships', {})).data!.items).toEqual([]);
    expect(
      (await ada.api.POST('/api/relationships', { body: { related_id: ben.userId, type: 4 as 1 } })).response.status,
    ).toBe(400);
  });

  it('likes count once per user, comments reply within a post, only the author deletes a comment', async () => {
    const postId = 4242;
    await ada.api.POST('/api/feedback/posts/{post_id}/like', { params: { path: { post_id: postId } } });
    const twice = await ada.api.POST('/api/feedback/posts/{post_id}/like', { params: { path: { post_id: postId } } });
    expect(twice.data).toEqual({ post_id: postId, likes: 1, liked_by_me: true });
    expect(
      (
        await apiClient(platform().baseUrl).GET('/api/feedback/posts/{post_id}/likes', {
          params: { path: { post_id: postId } },
        })
      ).data!.likes,
    ).toBe(1);
    expect(
      (await ada.api.DELETE('/api/feedback/posts/{post_id}/like', { params: { path: { post_id: postId } } })).data!
        .likes,
    ).toBe(0);
    const c1 = await ada.api.POST('/api/feedback/posts/{post_id}/comments', {
      body: { text: 'first' },
      params: { path: { post_id: postId } },
    });
    const c2 = await ben.api.POST('/api/feedback/posts/{post_id}/comments', {
      body: { text: 'reply', reply_id: c1.data!.id },
      params: { path: { post_id: postId } },
    });
    expect(c2.data!.reply_id).toBe(c1.data!.id);
    expect(
      (
        await ben.api.POST('/api/feedback/posts/{post_id}/comments', {
          body: { text: 'x', reply_id: c1.data!.id },
          params: { path: { post_id: postId + 1 } },
        })
      ).response.status,
    ).toBe(400);
    const list = await apiClient(platform().baseUrl).GET('/api/feedback/posts/{post_id}/comments', {
      params: { path: { post_id: postId } },
    });
    expect(list.data!.items.map((c) => c.text)).toEqual(['reply', 'first']);
    expect(
      (await ben.api.DELETE('/api/feedback/comments/{comment_id}', { params: { path: { comment_id: c1.data!.id } } }))
        .response.status,
    ).toBe(404);
    expect(
      (await ada.api.DELETE('/api/feedback/comments/{comment_id}', { params: { path: { comment_id: c1.data!.id } } }))
        .response.status,
    ).toBe(200);
    expect(
      (
        await apiClient(platform().baseUrl).GET('/api/feedback/posts/{post_id}/counts', {
          params: { path: { post_id: postId } },
        })
      ).data,
    ).toEqual({ post_id: postId, likes: 0, comments: 1 });
  });

  it('feeds read the author timelines (rows the posts.created consumer writes); home feed follows relationships of type 1 minus blocks', async () => {
    const db = platform().db;
    // the event side's consumer fills feed.author_timeline from posts.created; here its rows are written directly
    await db.query(
      `INSERT INTO feed.author_timeline (author_id, post_id, snippet, tags, created_at) VALUES
      ($1, 9001, 'older', '{x}', now() - interval '2 minutes'), ($1, 9002, 'newer', '{}', now() - interval '1 minute')`,
      [ben.userId],
    );
    const anon = apiClient(platform().baseUrl);
    const p1 = await anon.GET('/api/users/{user_id}/feed', {
      params: { path: { user_id: ben.userId }, query: { limit: 1 } },
    });
    expect(p1.data!.items).toMatchObject([{ post_id: 9002, author_id: ben.userId, snippet: 'newer' }]);
    const p2 = await anon.GET('/api/users/{user_id}/feed', {
      params: { path: { user_id: ben.userId }, query: { limit: 1, cursor: p1.data!.next_cursor! } },
    });
    expect(p2.data!.items).toMatchObject([{ post_id: 9001, tags: ['x'] }]);
    expect((await ada.api.GET('/api/feed', {})).data!.items).toEqual([]);
    await ada.api.POST('/api/relationships', { body: { related_id: ben.userId, type: 1 } });
    expect((await ada.api.GET('/api/feed', {})).data!.items.map((e) => e.post_id)).toEqual([9002, 9001]);
    expect((await ada.api.POST('/api/feed/rebuild', {})).response.status).toBe(200);
    await ada.api.POST('/api/relationships', { body: { related_id: ben.userId, type: 3 } });
    expect((await ada.api.GET('/api/feed', {})).data!.items).toEqual([]);
  });

  it("celebrities are admin-only; a celebrity feed is the user's timeline", async () => {
    expect(
      (await ada.api.POST('/api/celebrities/{user_id}', { params: { path: { user_id: ben.userId } } })).response.status,
    ).toBe(403);
    const admin = apiClient(platform().baseUrl, (await issueJwt(TEST_SECRET, ada.userId, ['admin'])).token);
    expect(
      (await admin.POST('/api/celebrities/{user_id}', { params: { path: { user_id: ben.userId } } })).response.status,
    ).toBe(200);
    expect((await admin.GET('/api/celebrities', {})).data!.items).toContain(ben.userId);
    expect(
      (await admin.GET('/api/celebrities/{user_id}/feed', { params: { path: { user_id: ben.userId } } })).data!.items,
    ).toHaveLength(2);
    expect(
      (await admin.DELETE('/api/celebrities/{user_id}', { params: { path: { user_id: ben.userId } } })).response.status,
    ).toBe(200);
    expect(
      (await admin.GET('/api/celebrities/{user_id}/feed', { params: { path: { user_id: ben.userId } } })).data!.items,
    ).toEqual([]);
  });
}
