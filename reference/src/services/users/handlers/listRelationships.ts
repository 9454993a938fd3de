import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

export const listRelationships: Handler = async (ctx) => {
  const { limit, offset } = ctx.query as { limit: number; offset: number };
  const type = (ctx.query.type as number | undefined) ?? 0;
  return { status: 200, body: { items: await graphRepo.related(ctx.db, caller(ctx).userId, type, limit, offset), type, limit, offset } };
};
