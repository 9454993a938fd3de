import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

export const listFriends: Handler = async (ctx) => {
  const { limit, offset } = ctx.query as { limit: number; offset: number };
  return { status: 200, body: { items: await graphRepo.friends(ctx.db, caller(ctx).userId, limit, offset), limit, offset } };
};
