import { SignJWT } from 'jose';
import { jwtKey } from './jwt-secret.ts';

export const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** What the users service hands out on register and login: HS256, `sub`, `iat`, `exp` (+24 h), optional `roles`. */
export async function issueJwt(
  secret: string,
  userId: string,
  roles: string[] = [],
): Promise<{ token: string; expiresIn: number }> {
  const claims = roles.length > 0 ? { roles } : {};
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
    .sign(jwtKey(secret));
  return { token, expiresIn: TOKEN_LIFETIME_SECONDS };
}
