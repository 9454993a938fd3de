import { NEEDS_SECRET, VARIANT_LABELS, type TokenVariant } from './tokens.ts';

/**
 * A curl for a bad-token finding that sends the very token the check sent, never an unexplained $TOKEN. Tokens
 * that need no secret (unsigned, not a JWT, signed with a throw-away key) are written out; a token signed with the
 * platform secret is rebuilt in the shell from its header and payload (which are not secret) and $JWT_SECRET, so
 * its signature is never printed.
 */
export function badTokenCurl(curl: string, variant: TokenVariant, token: string | undefined): string {
  if (token === undefined) return `# ${VARIANT_LABELS[variant]}\n${curl}`;
  if (!NEEDS_SECRET.has(variant)) return `# ${VARIANT_LABELS[variant]}\n${curl.replace('$TOKEN', token)}`;
  const dot = token.lastIndexOf('.');
  const signed = token.slice(0, dot);
  const digest = variant === 'hs384' ? 'sha384' : variant === 'hs512' ? 'sha512' : 'sha256';
  return [
    `# ${VARIANT_LABELS[variant]}, signed with the platform secret (export JWT_SECRET=... first)`,
    `TOKEN="${signed}.$(printf '%s' '${signed}' | openssl dgst -${digest} -hmac "$JWT_SECRET" -binary | base64 | tr '+/' '-_' | tr -d '=\\n')"`,
    curl,
  ].join('\n');
}
