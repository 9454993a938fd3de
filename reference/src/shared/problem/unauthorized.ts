import { ProblemError } from './problem.ts';

export const REALM = 'socialnet';

/** 401 with `WWW-Authenticate` as RFC 6750 §3 says: `error="invalid_token"` only when a token was sent. */
export function unauthorized(tokenSent: boolean, detail?: string): ProblemError {
  const challenge = tokenSent ? `Bearer realm="${REALM}", error="invalid_token"` : `Bearer realm="${REALM}"`;
  return new ProblemError(
    'unauthorized',
    detail ?? (tokenSent ? 'the bearer token is invalid' : 'a bearer token is required'),
    {
      headers: { 'WWW-Authenticate': challenge },
    },
  );
}
