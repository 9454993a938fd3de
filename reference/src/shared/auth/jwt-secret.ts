import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The HS256 key. There is no "empty secret means no auth" mode: without a secret nothing starts.
 * A node KeyObject (not raw bytes) so jose signs and verifies without re-importing the key on every token.
 */
export function jwtKey(secret: string | undefined): KeyObject {
  if (!secret) throw new Error('JWT_SECRET is required (the HS256 key every service verifies tokens with)');
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
