import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidTokenError, type Authenticator } from '@socialnet/reference';

/**
 * The original notification service's verifyToken (system-under-review §3), for defect fixture D2: a `raw.sig` token
 * where raw is base64url(user id) and sig is base64url(HMAC-SHA256(secret, raw)); constant-time signature comparison,
 * the decoded id is the user. No expiry, no claims, no algorithm. The reference refuses such tokens.
 * (conformance's `homemadeToken` in src/engine/tokens.ts mints them.)
 */
export function originalTokenAuthenticator(secret: string): Authenticator {
  return async (token) => {
    const parts = token.split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InvalidTokenError('invalid token');
    const [raw, sig] = parts as [string, string];
    const expected = createHmac('sha256', secret).update(raw).digest();
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new InvalidTokenError('invalid token');
    return { userId: Buffer.from(raw, 'base64url').toString('utf8'), roles: [], token };
  };
}
