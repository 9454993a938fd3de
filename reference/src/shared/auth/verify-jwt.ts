import { errors, jwtVerify } from 'jose';
import { jwtKey } from './jwt-secret.ts';
import { type Authenticator, InvalidTokenError } from './principal.ts';

/** spec-conventions "Identity and authentication": HS256 only, `sub` and `exp` required, 30 s clock tolerance. */
export const JWT_POLICY = { algorithms: ['HS256'], clockTolerance: 30, requiredClaims: ['sub', 'exp'] } as const;

/**
 * The standard verifier used by every service. jose refuses `alg: none`, every algorithm not listed,
 * a bad signature, `exp`/`nbf` outside the tolerance, and anything that is not a three-part JWS
 * (so the original notification service's two-part `raw.sig` token is refused too).
 */
export function jwtAuthenticator(secret: string): Authenticator {
  const key = jwtKey(secret);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [...JWT_POLICY.algorithms],
        clockTolerance: JWT_POLICY.clockTolerance,
        requiredClaims: [...JWT_POLICY.requiredClaims],
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('sub must be a non-empty string');
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      return { userId: payload.sub, roles, token };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
      throw new InvalidTokenError('malformed token');
    }
  };
}
