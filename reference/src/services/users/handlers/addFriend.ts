import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';
import { requireOtherUser } from './target.ts';

export const addFriend: Handler<users.operations['addFriend']> = async (ctx) => {
  const me = caller(ctx).userId;
  await requireOtherUser(ctx.db, me, ctx.params.friend_id, '/path/friend_id');
  await ctx.db.transaction((tx) => graphRepo.befriend(tx, me, ctx.params.friend_id));
  return { status: 200, body: { status: 'ok' } };
};
