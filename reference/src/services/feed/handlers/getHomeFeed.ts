import type { feed } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { homeAuthors } from '../followees.ts';
import { timelinePage } from './timeline-page.ts';

/**
 * Fan-out on read: the followees' author timelines (celebrities' included) merged at read time, so the feed is
 * never empty for want of a rebuild (the original's was until POST /feed/rebuild, and again 24 h later).
 */
export const getHomeFeed: Handler<feed.operations['getHomeFeed']> = async (ctx) => timelinePage(ctx, await homeAuthors(ctx.deps, caller(ctx)));
