import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';
import { requireOtherUser } from './target.ts';

export const createRelationship: Handler<users.operations['createRelationship']> = async (ctx) => {
  const me = caller(ctx).userId;
  const { related_id, type } = ctx.body;
  await requireOtherUser(ctx.db, me, related_id, '/body/related_id');
  await graphRepo.relate(ctx.db, me, related_id, type);
  return { status: 200, body: { status: 'ok' } };
};
