import type { feed } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { feedStrategy } from '../strategy/index.ts';

/** Kept for the original's clients as a repair; GET /feed never needs it (see the strategy's `rebuild`). */
export const rebuildHomeFeed: Handler<feed.operations['rebuildHomeFeed']> = async (ctx) => {
  await feedStrategy().rebuild(ctx.deps, caller(ctx));
  return { status: 200, body: { status: 'ok' } };
};
