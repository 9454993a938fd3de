import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';
import { requireOtherUser } from './target.ts';

export const followUser: Handler<users.operations['followUser']> = async (ctx) => {
  const me = caller(ctx).userId;
  await requireOtherUser(ctx.db, me, ctx.params.target_id, '/path/target_id');
  await graphRepo.follow(ctx.db, me, ctx.params.target_id);
  return { status: 200, body: { status: 'ok' } };
};
