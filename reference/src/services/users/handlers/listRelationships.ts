import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

export const listRelationships: Handler<users.operations['listRelationships']> = async (ctx) => {
  const { limit, offset, type } = ctx.query;
  return {
    status: 200,
    body: { items: await graphRepo.related(ctx.db, caller(ctx).userId, type, limit, offset), type, limit, offset },
  };
};
