import { issueJwt } from '../../../shared/auth/issue-jwt.ts';
import type { ServiceClient } from '../../../shared/http/service-client.ts';

/** Walks an author's followers; stops (answering `undefined`) as soon as there are more than `max`. */
export type FollowersOf = (authorId: string, max: number) => Promise<string[] | undefined>;

const PAGE = 100;

/**
 * GET /users/{user_id}/followers of the users service, page by page. The fan-out has no caller, so it signs its
 * own token (subject `feed-fanout`) with the platform's JWT secret, as any service of the platform can.
 */
export function followersFromUsersService(users: ServiceClient, jwtSecret: string): FollowersOf {
  return async (authorId, max) => {
    const { token } = await issueJwt(jwtSecret, 'feed-fanout');
    const as = { userId: 'feed-fanout', roles: [], token };
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const answer = await users.call('GET', `/users/${encodeURIComponent(authorId)}/followers?${query}`, {
        as,
        timeoutMs: 5000,
      });
      // an author id the users service refuses (400: not of its shape) has no followers to push to
      if (answer.status === 400) return [];
      if (answer.status !== 200) throw new Error(`users service answered ${answer.status} to the followers query`);
      const body = answer.body as { items: string[]; next_cursor: string | null };
      ids.push(...body.items);
      if (ids.length > max) return undefined;
      cursor = body.next_cursor;
    } while (cursor);
    return ids;
  };
}
