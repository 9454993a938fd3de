import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

export const listFriends: Handler<users.operations['listFriends']> = async (ctx) => {
  const { limit, offset } = ctx.query;
  return {
    status: 200,
    body: { items: await graphRepo.friends(ctx.db, caller(ctx).userId, limit, offset), limit, offset },
  };
};
