import type { Database } from '../../../shared/db/queryable.ts';
import { createServiceClient } from '../../../shared/http/service-client.ts';
import type { Logger } from '../../../shared/observability/logger.ts';
import { fanoutThreshold, feedStrategyName } from '../strategy/config.ts';
import { followersFromUsersService } from './followers.ts';
import { startFanoutWorker } from './fanout-worker.ts';

/** The platform's one call for the feed's fan-out: the worker, reading followers from the users service at `usersUrl`. */
export async function startFeedFanout(o: { db: Database; usersUrl: () => string; jwtSecret: string; log: Logger }) {
  feedStrategyName(); // refuses a FEED_STRATEGY other than pull or hybrid at start
  const users = createServiceClient('users', o.usersUrl, true);
  return startFanoutWorker({
    db: o.db,
    followersOf: followersFromUsersService(users, o.jwtSecret),
    threshold: await fanoutThreshold(),
    log: o.log.child({ component: 'feed-fanout' }),
  });
}
