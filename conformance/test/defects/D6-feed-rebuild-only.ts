import {
  caller,
  decodeCursor,
  feedEntry,
  homeAuthors,
  page,
  timelinesRepo,
  type Handler,
  type PlatformVariant,
  type TimelineCursor,
  type TimelineRow,
} from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The original's home feed (system-under-review §6.2): `users_feed:{user}` is written only by POST /feed/rebuild
 * (followees' recent posts, replaced wholesale, 24 h expiry) and GET /feed reads nothing else, so it is empty until
 * the caller rebuilds and stale afterwards. Everything else (followees minus blocks, cursor pages, order) stays the
 * reference's, so the one deviation is the design both C4 diagrams drew.
 */
export function rebuildOnlyHomeFeed(): Record<string, Handler> {
  const usersFeed = new Map<string, { rows: TimelineRow[]; expires: number }>();
  return {
    async rebuildHomeFeed(ctx) {
      const me = caller(ctx);
      const limit = Number(ctx.query.limit ?? 100);
      const rows = await timelinesRepo.page(ctx.db, await homeAuthors(ctx.deps, me), limit);
      usersFeed.set(me.userId, { rows, expires: Date.now() + DAY_MS });
      return { status: 200, body: { status: 'ok' } };
    },
    async getHomeFeed(ctx) {
      const { limit, cursor } = ctx.query as { limit: number; cursor?: string };
      const after = decodeCursor<TimelineCursor>(cursor, { t: 'string', id: 'number' });
      const stored = usersFeed.get(caller(ctx).userId);
      const rows = stored && stored.expires > Date.now() ? stored.rows : [];
      const start = after ? rows.findIndex((r) => r.cursor_t === after.t && r.post_id === after.id) + 1 : 0;
      const { items, next_cursor } = page(rows.slice(start, start + limit + 1), limit, (r) => ({
        t: r.cursor_t,
        id: r.post_id,
      }));
      return { status: 200, body: { items: items.map(feedEntry), limit, next_cursor } };
    },
  };
}

const variant: PlatformVariant = { handlers: { feed: rebuildOnlyHomeFeed() } };

/** Review item 6: both C4 diagrams (v1, v2) depict a pull feed that exists only after an explicit rebuild. */
export default defineDefect({
  id: 'D6',
  slug: 'feed-rebuild-only',
  reproduces:
    'review item 6: the home feed was materialised only by POST /feed/rebuild (empty until then, stale after, gone in 24 h)',
  variant,
});
