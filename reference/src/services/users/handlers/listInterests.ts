import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { interestsRepo } from '../repositories/interests.ts';

export const listInterests: Handler<users.operations['listInterests']> = async (ctx) => {
  const { limit, offset } = ctx.query;
  return {
    status: 200,
    body: { items: await interestsRepo.ofUser(ctx.db, caller(ctx).userId, limit, offset), limit, offset },
  };
};
