import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { ContextWithQuery, OperationResult } from '../../../shared/http/handler-types.ts';
import { type CursorQuery, decodeCursor, page } from '../../../shared/http/pagination.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { feedEntry, type TimelineCursor, type TimelineRow, timelinesRepo } from '../repositories/timelines.ts';

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;

type FeedContext = ContextWithQuery<PlatformDeps, CursorQuery>;
type FeedPage = OperationResult<feed.operations['getHomeFeed'], 200>;

/** The page a feed request asks for: its limit and the decoded cursor (a 400 for one this service did not issue). */
export function requestedPage(ctx: FeedContext): { limit: number; after?: TimelineCursor } {
  const { limit, cursor } = ctx.query;
  const after = decodeCursor<TimelineCursor>(cursor, { t: 'string', id: 'number' });
  if (after && !PG_TIMESTAMP.test(after.t)) decodeCursor('!', { t: 'string' }); // throws the 400
  return { limit, after };
}

/** The answer for `limit + 1` rows in feed order: `limit` entries and the cursor after the last. */
export function feedPage(rows: TimelineRow[], limit: number): FeedPage {
  const { items, next_cursor } = page(rows, limit, (r) => ({ t: r.cursor_t, id: r.post_id }));
  return { status: 200, body: { items: items.map(feedEntry), limit, next_cursor } };
}

/** One cursor page over some authors' timelines. */
export async function timelinePage(ctx: FeedContext, authors: string[]): Promise<FeedPage> {
  const { limit, after } = requestedPage(ctx);
  return feedPage(await timelinesRepo.page(ctx.db, authors, limit + 1, after), limit);
}
