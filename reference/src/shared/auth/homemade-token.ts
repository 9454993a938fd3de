import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Authenticator, InvalidTokenError } from './principal.ts';

/**
 * The original notification service's home-made token (system-under-review §3): `raw.sig`, where raw is
 * base64url(user id) and sig is base64url(HMAC-SHA256(secret, raw)). No expiry, no claims, no algorithm.
 * The reference REFUSES it; it exists here to mint it in tests and to rebuild defect D2 as a variant.
 */
export function mintHomemadeToken(userId: string, secret: string): string {
  const raw = Buffer.from(userId, 'utf8').toString('base64url');
  const sig = createHmac('sha256', secret).update(raw).digest('base64url');
  return `${raw}.${sig}`;
}

/** The original's verifyToken: two parts, constant-time signature comparison, the decoded id is the user. */
export function homemadeTokenAuthenticator(secret: string): Authenticator {
  return async (token) => {
    const parts = token.split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InvalidTokenError('invalid token');
    const [raw, sig] = parts as [string, string];
    const expected = createHmac('sha256', secret).update(raw).digest();
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidTokenError('invalid token');
    return { userId: Buffer.from(raw, 'base64url').toString('utf8'), roles: [], token };
  };
}
