/** The HS256 key. There is no "empty secret means no auth" mode: without a secret nothing starts. */
export function jwtKey(secret: string | undefined): Uint8Array {
  if (!secret) throw new Error('JWT_SECRET is required (the HS256 key every service verifies tokens with)');
  return new TextEncoder().encode(secret);
}
