import type { users } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { publicUser, usersRepo } from '../repositories/users.ts';

export const getUser: Handler<users.operations['getUser']> = async ({ params, db }) => {
  const user = await usersRepo.byId(db, params.user_id);
  if (!user) throw new ProblemError('not-found', `user ${params.user_id} not found`);
  return { status: 200, body: publicUser(user) };
};
