import type { users } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { profilesRepo, profileView } from '../repositories/profiles.ts';

export const getProfile: Handler<users.operations['getProfile']> = async ({ params, db }) => {
  const profile = await profilesRepo.get(db, params.user_id);
  if (!profile) throw new ProblemError('not-found', `no profile for user ${params.user_id}`);
  return { status: 200, body: profileView(profile) };
};
