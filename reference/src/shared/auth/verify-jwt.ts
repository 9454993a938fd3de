import { errors, jwtVerify } from 'jose';
import { type Authenticator, InvalidTokenError, type Principal } from './principal.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

/** spec-conventions "Identity and authentication": HS256 only, `sub` and `exp` required, 30 s clock tolerance. */
export const JWT_POLICY = { algorithms: ['HS256'], clockTolerance: 30, requiredClaims: ['sub', 'exp'] } as const;

/**
 * The standard verifier used by every service. jose refuses `alg: none`, every algorithm not listed,
 * a bad signature, `exp`/`nbf` outside the tolerance, and anything that is not a three-part JWS
 * (so the original notification service's two-part `raw.sig` token is refused too).
 * The HMAC key is imported into WebCrypto once; a token that verified is remembered until it expires.
 */
export function jwtAuthenticator(secret: string): Authenticator {
  if (!secret) throw new Error('JWT_SECRET is required (the HS256 key every service verifies tokens with)');
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const cache = new VerifiedTokenCache(JWT_POLICY.clockTolerance);
  return async (token) => {
    const cached = cache.get(token);
    if (cached) return cached;
    let principal: Principal;
    let exp: number;
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: [...JWT_POLICY.algorithms],
        clockTolerance: JWT_POLICY.clockTolerance,
        requiredClaims: [...JWT_POLICY.requiredClaims],
      });
      if (typeof payload.sub !== 'string' || payload.sub === '')
        throw new InvalidTokenError('sub must be a non-empty string');
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      principal = { userId: payload.sub, roles, token };
      exp = payload.exp!;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
      throw new InvalidTokenError('malformed token');
    }
    cache.set(token, principal, exp);
    return principal;
  };
}
