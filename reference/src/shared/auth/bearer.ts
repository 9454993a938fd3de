/** RFC 6750 §2.1: `Authorization: Bearer <token>` (the scheme name is case-insensitive, RFC 9110 §11.1). */
export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = value ? /^Bearer +(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}
