import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

export const listFollowing: Handler<users.operations['listFollowing']> = async (ctx) => {
  const { limit, offset } = ctx.query;
  return {
    status: 200,
    body: { items: await graphRepo.following(ctx.db, caller(ctx).userId, limit, offset), limit, offset },
  };
};
