import type { feed } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { homeAuthors } from '../followees.ts';

/**
 * Kept for the original's clients. The reference materialises no per-user timeline (GET /feed merges at read
 * time), so a rebuild only re-reads the followees from the users service, surfacing its errors as the spec says.
 */
export const rebuildHomeFeed: Handler<feed.operations['rebuildHomeFeed']> = async (ctx) => {
  await homeAuthors(ctx.deps, caller(ctx));
  return { status: 200, body: { status: 'ok' } };
};
