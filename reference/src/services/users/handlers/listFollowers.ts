import type { users } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { decodeCursor, page } from '../../../shared/http/pagination.ts';
import { graphRepo } from '../repositories/graph.ts';

/** Keyset pages by follower id: follows and unfollows during the walk shift nobody else (the feed's fan-out walks it). */
export const listFollowers: Handler<users.operations['listFollowers']> = async (ctx) => {
  const { limit, cursor } = ctx.query;
  const after = decodeCursor<{ id: string }>(cursor, { id: 'string' });
  const rows = await graphRepo.followers(ctx.db, ctx.params.user_id, limit + 1, after?.id);
  const { items, next_cursor } = page(rows, limit, (id) => ({ id }));
  return { status: 200, body: { items, limit, next_cursor } };
};
