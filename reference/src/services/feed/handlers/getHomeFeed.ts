import type { feed } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedStrategy } from '../strategy/index.ts';
import { feedPage, requestedPage } from './timeline-page.ts';

/**
 * The followees' posts without any rebuild (the original's feed was empty until POST /feed/rebuild, and again 24 h
 * later), by the strategy FEED_STRATEGY selects: hybrid (pushed rows plus celebrities merged) or pull.
 */
export const getHomeFeed: Handler<feed.operations['getHomeFeed']> = async (ctx) => {
  const { limit, after } = requestedPage(ctx);
  return feedPage(await feedStrategy().homePage(ctx.deps, caller(ctx), limit + 1, after), limit);
};
