import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

export const removeFriend: Handler<users.operations['removeFriend']> = async (ctx) => {
  await graphRepo.unfriend(ctx.db, caller(ctx).userId, ctx.params.friend_id);
  return { status: 200, body: { status: 'ok' } };
};
