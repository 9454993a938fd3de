import type { users } from '@socialnet/generated/server-types/index.ts';
import { issueJwt } from '../../../shared/auth/issue-jwt.ts';
import { hashPassword } from '../../../shared/auth/password.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { usersRepo } from '../repositories/users.ts';
import { newUserId, shardOf } from '../user-ids.ts';

export const registerUser: Handler<users.operations['registerUser']> = async ({ body, db, deps }) => {
  const { email, password, name } = body;
  const shard = shardOf(email);
  const user = await usersRepo.insert(db, {
    user_id: newUserId(shard),
    shard_id: shard,
    email,
    name,
    password_hash: await hashPassword(password),
  });
  if (!user) throw new ProblemError('conflict', 'a user with this email already exists');
  const { token } = await issueJwt(deps.jwtSecret, user.user_id, user.roles);
  return { status: 201, body: { user_id: user.user_id, name: user.name, email: user.email, access_token: token } };
};
