import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

export const unfollowUser: Handler<users.operations['unfollowUser']> = async (ctx) => {
  await graphRepo.unfollow(ctx.db, caller(ctx).userId, ctx.params.target_id);
  return { status: 200, body: { status: 'ok' } };
};
