import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { shardOfUserId } from '../user-ids.ts';

export const usersWhoami: Handler<users.operations['usersWhoami']> = async (ctx) => {
  const { userId } = caller(ctx);
  return { status: 200, body: { user_id: userId, shard_id: shardOfUserId(userId) } };
};
