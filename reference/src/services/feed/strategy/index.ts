import { feedStrategyName } from './config.ts';
import type { FeedStrategy } from './feed-strategy.ts';
import { hybridStrategy } from './hybrid.ts';
import { pullStrategy } from './pull.ts';

export type { FeedStrategy } from './feed-strategy.ts';

/** The strategy `FEED_STRATEGY` selects now. */
export function feedStrategy(): FeedStrategy {
  return feedStrategyName() === 'pull' ? pullStrategy : hybridStrategy;
}
