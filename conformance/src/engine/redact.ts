/** Secrets never leave the process: token signatures and password fields are replaced before recording. */
export function redactToken(token: string): string {
  const parts = token.split('.');
  if (parts.length === 3 && parts[2]) return `${parts[0]}.${parts[1]}.<signature redacted>`;
  if (parts.length === 2 && parts[1]) return `${parts[0]}.<signature redacted>`;
  return token;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = /^(authorization)$/i.test(k) ? v.replace(/^(\S+\s+)(.*)$/, (_, scheme, t) => scheme + redactToken(t)) : v;
  }
  return out;
}

const SECRET_FIELDS = /"(password|access_token|refresh_token|token)"\s*:\s*"([^"]*)"/g;

export function redactBody(body: string): string {
  return body.replace(SECRET_FIELDS, (_, key, value: string) =>
    key === 'password' ? `"${key}":"<redacted>"` : `"${key}":"${redactToken(value)}"`,
  );
}
