import type { users } from '@socialnet/generated/server-types/index.ts';
import { issueJwt } from '../../../shared/auth/issue-jwt.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../../shared/auth/password.ts';
import { unauthorized } from '../../../shared/problem/unauthorized.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { usersRepo } from '../repositories/users.ts';

export const loginUser: Handler<users.operations['loginUser']> = async ({ body, db, deps }) => {
  const { email, password } = body;
  const user = await usersRepo.byEmail(db, email);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) throw unauthorized(false, 'wrong email or password');
  const { token } = await issueJwt(deps.jwtSecret, user.user_id, user.roles);
  return {
    status: 200,
    body: {
      message: 'login successful',
      user_id: user.user_id,
      name: user.name,
      email: user.email,
      access_token: token,
    },
  };
};
