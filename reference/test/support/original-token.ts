import { createHmac } from 'node:crypto';

/**
 * The original notification service's home-made token (system-under-review §3): base64url(user id) "."
 * base64url(HMAC-SHA256(secret, that text)). Minted here only to show the reference refuses it; the authenticator that
 * accepts it is defect fixture D2's (conformance/test/defects/original-token.ts).
 */
export function mintOriginalToken(userId: string, secret: string): string {
  const raw = Buffer.from(userId, 'utf8').toString('base64url');
  return `${raw}.${createHmac('sha256', secret).update(raw).digest('base64url')}`;
}
