import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { interestsRepo } from '../repositories/interests.ts';

export const attachInterest: Handler<users.operations['attachInterest']> = async (ctx) => {
  const id = ctx.params.interest_id;
  if (!(await interestsRepo.exists(ctx.db, id))) throw new ProblemError('not-found', `interest ${id} not found`);
  await interestsRepo.attach(ctx.db, caller(ctx).userId, id);
  return { status: 200, body: { status: 'ok' } };
};
