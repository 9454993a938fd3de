import type { Queryable } from '../../../shared/db/queryable.ts';
import { homeAuthors } from '../followees.ts';
import { homeRepo } from '../repositories/home.ts';
import type { TimelineCursor, TimelineRow } from '../repositories/timelines.ts';
import { BACKFILL_POSTS } from './config.ts';
import type { FeedStrategy } from './feed-strategy.ts';

/**
 * Push with celebrity pull (x-feed.strategy). The fan-out (fanout/fanout-worker.ts) pushed each post of an author
 * below the threshold to the home timelines of the author's followers; a read merges those rows with the timelines
 * of the pulled authors it follows. The followees are read from the users service on every read, as under pull,
 * so an unfollow or block takes effect at once and a new followee is backfilled on the first read after the follow.
 */
export const hybridStrategy: FeedStrategy = {
  async homePage(deps, reader, limit, after) {
    return hybridPage(deps.db, reader.userId, await homeAuthors(deps, reader), limit, after);
  },
  async rebuild(deps, reader) {
    await homeAuthors(deps, reader); // surfaces the users service's errors before anything is forgotten
    await homeRepo.forget(deps.db, reader.userId);
  },
};

/** The hybrid's own database work for one page, given the reader's followees minus blocks. */
export async function hybridPage(
  db: Queryable,
  userId: string,
  authors: string[],
  limit: number,
  after?: TimelineCursor,
): Promise<TimelineRow[]> {
  const pulled = await homeRepo.pulled(db, authors);
  const pushed = authors.filter((a) => !pulled.has(a));
  await syncSources(db, userId, pushed);
  return homeRepo.page(db, userId, pushed, [...pulled], limit, after);
}

/**
 * Makes the reader's home timeline hold exactly the pushed followees: new ones are backfilled with their recent
 * posts, dropped ones (unfollowed, blocked, now pulled) removed. A post committed after the backfill is pushed by
 * its fan-out, which reads the followers only after the post is in its author's timeline, so none falls between.
 */
async function syncSources(db: Queryable, userId: string, pushed: string[]) {
  const sources = await homeRepo.sources(db, userId);
  const wanted = new Set(pushed);
  const fresh = pushed.filter((a) => !sources.has(a));
  const gone = [...sources].filter((a) => !wanted.has(a));
  if (fresh.length > 0) await homeRepo.backfill(db, userId, fresh, BACKFILL_POSTS);
  if (gone.length > 0) await homeRepo.drop(db, userId, gone);
}
