import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { publicUser, usersRepo } from '../repositories/users.ts';
import { shardOfUserId } from '../user-ids.ts';

export const listUsers: Handler<users.operations['listUsers']> = async (ctx) => {
  const shard = shardOfUserId(caller(ctx).userId);
  const { limit, offset } = ctx.query;
  const rows = await usersRepo.listByShard(ctx.db, shard, limit, offset);
  return { status: 200, body: { shard_id: shard, limit, offset, items: rows.map(publicUser) } };
};
