import type { feed } from '@socialnet/generated/server-types/index.ts';
import type { ContextWithQuery, OperationResult } from '../../../shared/http/handler-types.ts';
import { type CursorQuery, decodeCursor, page } from '../../../shared/http/pagination.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import { feedEntry, type TimelineCursor, timelinesRepo } from '../repositories/timelines.ts';

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;

/** One cursor page over some authors' timelines. */
export async function timelinePage(ctx: ContextWithQuery<PlatformDeps, CursorQuery>, authors: string[]): Promise<OperationResult<feed.operations['getHomeFeed'], 200>> {
  const { limit, cursor } = ctx.query;
  const after = decodeCursor<TimelineCursor>(cursor, { t: 'string', id: 'number' });
  if (after && !PG_TIMESTAMP.test(after.t)) decodeCursor('!', { t: 'string' }); // throws the 400
  const rows = await timelinesRepo.page(ctx.db, authors, limit + 1, after);
  const { items, next_cursor } = page(rows, limit, (r) => ({ t: r.cursor_t, id: r.post_id }));
  return { status: 200, body: { items: items.map(feedEntry), limit, next_cursor } };
}
