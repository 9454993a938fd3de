import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { UsageError } from './usage.ts';

/**
 * The negative-token matrix of RFC 8725 and docs/spec-conventions.md (SN-AUTHN-*), plus the valid token.
 * Variants that must be signed with the platform's key need `--jwt-secret`; the others are built from any token.
 */
export const TOKEN_VARIANTS = [
  'none',
  'malformed',
  'wrong-signature',
  'alg-none',
  'alg-none-no-dot',
  'hs384',
  'hs512',
  'expired',
  'nbf-future',
  'no-sub',
  'no-exp',
  'homemade-hmac',
  'valid',
] as const;

export type TokenVariant = (typeof TOKEN_VARIANTS)[number];

export const VARIANT_LABELS: Record<TokenVariant, string> = {
  none: 'no Authorization header',
  malformed: 'a token that is not a JWT',
  'wrong-signature': 'a JWT signed with another key',
  'alg-none': 'an unsigned JWT (alg: none)',
  'alg-none-no-dot': 'an unsigned JWT without its trailing dot',
  hs384: 'a JWT signed with HS384 (the spec allows HS256 only)',
  hs512: 'a JWT signed with HS512 (the spec allows HS256 only)',
  expired: 'an expired JWT (exp one hour ago)',
  'nbf-future': 'a JWT not valid before one hour from now',
  'no-sub': 'a JWT without sub',
  'no-exp': 'a JWT without exp',
  'homemade-hmac': "the original notification service's home-made raw.sig token",
  valid: 'a valid HS256 JWT',
};

/** The clause each variant tests (specs/clauses.yaml). */
export const VARIANT_CLAUSES: Record<TokenVariant, string> = {
  none: 'SN-AUTHN-NO-BYPASS',
  malformed: 'SN-AUTHN-STANDARD-JWT',
  'wrong-signature': 'SN-AUTHN-STANDARD-JWT',
  'alg-none': 'SN-AUTHN-HS256-ONLY',
  'alg-none-no-dot': 'SN-AUTHN-HS256-ONLY',
  hs384: 'SN-AUTHN-HS256-ONLY',
  hs512: 'SN-AUTHN-HS256-ONLY',
  expired: 'SN-AUTHN-EXP-REQUIRED',
  'nbf-future': 'SN-AUTHN-EXP-REQUIRED',
  'no-sub': 'SN-AUTHN-SUB-REQUIRED',
  'no-exp': 'SN-AUTHN-EXP-REQUIRED',
  'homemade-hmac': 'SN-AUTHN-STANDARD-JWT',
  valid: 'SN-AUTHN-STANDARD-JWT',
};

/** Variants that need the signing secret. */
export const NEEDS_SECRET: ReadonlySet<TokenVariant> = new Set([
  'hs384',
  'hs512',
  'expired',
  'nbf-future',
  'no-sub',
  'no-exp',
  'homemade-hmac',
]);

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Claims a target needs in every token besides sub/iat/exp (e.g. a shard number: `--token-claim sh=0`). */
export type ExtraClaims = Record<string, unknown>;

/**
 * undefined = send no Authorization header. Every variant carries the target's extra claims, so each bad token
 * differs from the valid one only by its defect (and is refused for that reason, not for a missing claim).
 */
export async function tokenFor(
  variant: TokenVariant,
  sub: string,
  secret: string | undefined,
  valid: string,
  extra: ExtraClaims = {},
): Promise<string | undefined> {
  const now = Math.floor(Date.now() / 1000);
  const key = secret ? new TextEncoder().encode(secret) : undefined;
  const sign = (claims: Record<string, unknown>, alg = 'HS256', signingKey = key) => {
    if (!signingKey) throw new Error(`token variant ${variant} needs --jwt-secret`);
    return new SignJWT({ ...extra, ...claims }).setProtectedHeader({ alg, typ: 'JWT' }).sign(signingKey);
  };
  switch (variant) {
    case 'none':
      return undefined;
    case 'malformed':
      return 'not-a-jwt';
    case 'valid':
      return valid;
    case 'wrong-signature':
      return sign({ sub, iat: now, exp: now + 3600 }, 'HS256', randomBytes(32));
    case 'alg-none':
    case 'alg-none-no-dot': {
      const unsigned = `${b64(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64(JSON.stringify({ ...extra, sub, iat: now, exp: now + 3600 }))}`;
      return variant === 'alg-none' ? `${unsigned}.` : unsigned;
    }
    case 'hs384':
      return sign({ sub, iat: now, exp: now + 3600 }, 'HS384');
    case 'hs512':
      return sign({ sub, iat: now, exp: now + 3600 }, 'HS512');
    case 'expired':
      return sign({ sub, iat: now - 7200, exp: now - 3600 });
    case 'nbf-future':
      return sign({ sub, iat: now, nbf: now + 3600, exp: now + 7200 });
    case 'no-sub':
      return sign({ iat: now, exp: now + 3600 });
    case 'no-exp':
      return sign({ sub, iat: now });
    case 'homemade-hmac':
      return homemadeToken(sub, secret);
  }
}

/** The original's format: base64url(user id) "." base64url(HMAC-SHA256(secret, that encoded text)), no padding. */
export function homemadeToken(userId: string, secret: string | undefined): string {
  if (!secret) throw new Error('the home-made token needs --jwt-secret');
  const raw = b64(userId);
  return `${raw}.${createHmac('sha256', secret).update(raw).digest('base64url')}`;
}

/** A valid token minted with the secret (for users created without the users API, or with extra roles). */
export function mintToken(secret: string, sub: string, roles?: string[], extra: ExtraClaims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { ...extra, sub, iat: now, exp: now + 3600 };
  if (roles) claims.roles = roles;
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/** `name=value` pairs of --token-claim; numbers and booleans are typed (sh=0 is the number 0). */
export function parseClaims(values: string[] = []): ExtraClaims {
  const out: ExtraClaims = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--token-claim expects name=value, got "${value}"`);
    const raw = value.slice(eq + 1);
    out[value.slice(0, eq)] = /^-?\d+(\.\d+)?$/.test(raw)
      ? Number(raw)
      : raw === 'true'
        ? true
        : raw === 'false'
          ? false
          : raw;
  }
  return out;
}
