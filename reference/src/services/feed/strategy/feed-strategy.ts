import type { Principal } from '../../../shared/auth/principal.ts';
import type { PlatformDeps } from '../../../platform/deps.ts';
import type { TimelineCursor, TimelineRow } from '../repositories/timelines.ts';

/** The one home-feed interface both strategies implement (FEED_STRATEGY, strategy/config.ts). */
export interface FeedStrategy {
  /** Up to `limit` rows of the reader's home feed after `after`, in the feed's order (created_at, post_id desc). */
  homePage(deps: PlatformDeps, reader: Principal, limit: number, after?: TimelineCursor): Promise<TimelineRow[]>;
  /** POST /feed/rebuild: the repair; never a prerequisite of homePage. */
  rebuild(deps: PlatformDeps, reader: Principal): Promise<void>;
}
