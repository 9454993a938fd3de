import type { Database } from '../../../shared/db/queryable.ts';
import { homeAuthors, homeAuthorsWithVersion, type HomeAuthors } from '../followees.ts';
import { homeRepo } from '../repositories/home.ts';
import type { TimelineCursor, TimelineRow } from '../repositories/timelines.ts';
import { BACKFILL_POSTS } from './config.ts';
import type { FeedStrategy } from './feed-strategy.ts';

/**
 * Push with celebrity pull (x-feed.strategy). The fan-out (fanout/fanout-worker.ts) pushed each post of an author
 * below the threshold to the home timelines of the author's followers; a read merges those rows with the timelines
 * of the pulled authors it follows. The followees are revalidated with the users service on every read (one
 * conditional request, followees.ts), so an unfollow or block takes effect at once and a new followee is backfilled
 * on the first read after the follow; when they did not change, the read costs the same whatever their number.
 */
export const hybridStrategy: FeedStrategy = {
  async homePage(deps, reader, limit, after) {
    return hybridPage(deps.db, reader.userId, await homeAuthorsWithVersion(deps, reader), limit, after);
  },
  async rebuild(deps, reader) {
    await homeAuthors(deps, reader); // surfaces the users service's errors before anything is forgotten
    await deps.db.transaction((tx) => homeRepo.forget(tx, reader.userId));
  },
};

/** The hybrid's own database work for one page, given the reader's followees minus blocks. */
export async function hybridPage(
  db: Database,
  userId: string,
  followees: HomeAuthors,
  limit: number,
  after?: TimelineCursor,
): Promise<TimelineRow[]> {
  const pulled = await homeRepo.pulled(db, followees.authors);
  if (followees.version === undefined || (await homeRepo.syncedVersion(db, userId)) !== followees.version)
    await syncSources(db, userId, followees, pulled);
  return homeRepo.page(db, userId, [...pulled], limit, after);
}

/**
 * Makes the reader's home sources hold exactly the pushed followees: new ones are backfilled with their recent
 * posts, dropped ones (unfollowed, blocked, now pulled) removed, and records the version they match. A post
 * committed after the backfill is pushed by its fan-out, which reads the followers only after the post is in its
 * author's timeline, so none falls between. An author pulled after the sync stays a source until the next one:
 * harmless, as the page lists each post once.
 */
async function syncSources(db: Database, userId: string, followees: HomeAuthors, pulled: Set<string>) {
  await db.transaction(async (tx) => {
    // a read beside this one may have synced to the same version while this one waited for the lock
    const synced = await homeRepo.lockSynced(tx, userId);
    if (followees.version !== undefined && synced === followees.version) return;
    const sources = await homeRepo.sources(tx, userId);
    const wanted = new Set(followees.authors.filter((a) => !pulled.has(a)));
    const fresh = [...wanted].filter((a) => !sources.has(a));
    const gone = [...sources].filter((a) => !wanted.has(a));
    if (fresh.length > 0) await homeRepo.backfill(tx, userId, fresh, BACKFILL_POSTS);
    if (gone.length > 0) await homeRepo.drop(tx, userId, gone);
    await homeRepo.markSynced(tx, userId, followees.version ?? null);
  });
}
