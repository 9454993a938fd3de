import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { interestsRepo } from '../repositories/interests.ts';

export const detachInterest: Handler<users.operations['detachInterest']> = async (ctx) => {
  await interestsRepo.detach(ctx.db, caller(ctx).userId, ctx.params.interest_id);
  return { status: 200, body: { status: 'ok' } };
};
