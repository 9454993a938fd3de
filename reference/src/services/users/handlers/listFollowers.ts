import type { users } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { decodeCursor, page } from '../../../shared/http/pagination.ts';
import { graphRepo } from '../repositories/graph.ts';

/** A user id as the users service issues it (`UserId` in specs/openapi/components/common.yaml). */
const USER_ID = /^[0-9]+-[0-9a-f]{1,16}$/;

/** Keyset pages by follower id: follows and unfollows during the walk shift nobody else (the feed's fan-out walks it). */
export const listFollowers: Handler<users.operations['listFollowers']> = async (ctx) => {
  const { limit, cursor } = ctx.query;
  const after = decodeCursor<{ id: string }>(cursor, { id: 'string' });
  if (after && !USER_ID.test(after.id)) decodeCursor('!', { id: 'string' }); // not a cursor this service issued: the 400
  const rows = await graphRepo.followers(ctx.db, ctx.params.user_id, limit + 1, after?.id);
  const { items, next_cursor } = page(rows, limit, (id) => ({ id }));
  return { status: 200, body: { items, limit, next_cursor } };
};
