import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { ProblemError } from '../../shared/problem/problem.ts';

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
    .slice(0, 15); // yyyyMMddTHHmmss

/** `[prefix/]{user_id}_{UTC yyyyMMddTHHmmss}_{basename}`; `unique` adds a random part when the plain key is taken. */
export function mediaKey(userId: string, fileName: string, prefix = '', unique = false): string {
  const base =
    path
      .basename(fileName || 'file')
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(-100) || 'file';
  const name = `${userId}_${stamp(new Date())}_${unique ? `${randomBytes(4).toString('hex')}-` : ''}${base}`;
  return prefix ? `${prefix}/${name}` : name;
}

/**
 * The spec's prefix pattern (`[A-Za-z0-9._-]*`) lets `.` and `..` through; as a key's folder they would name the
 * storage root or its parent, so they are refused as validation (pointer `/body/prefix` or `/multipart/prefix`).
 */
export function checkPrefix(prefix: string, pointer: string): void {
  if (prefix === '.' || prefix === '..') {
    throw new ProblemError('validation-failed', 'the prefix may not be . or ..', {
      errors: [{ pointer, message: 'must not be . or ..' }],
    });
  }
}

/** The owner a key names: its last segment up to the first `_` (user ids never contain one). */
export const keyOwner = (key: string): string => (key.split('/').pop() ?? '').split('_')[0] ?? '';

/** base64url HMAC-SHA256 over method, key, expiry and Content-Type (spec: parameters Expires and Signature). */
export function signUrl(secret: string, method: 'GET' | 'PUT', key: string, expires: number, contentType = ''): string {
  return createHmac('sha256', secret).update(`${method}\n${key}\n${expires}\n${contentType}`).digest('base64url');
}

export function verifySignature(
  secret: string,
  method: 'GET' | 'PUT',
  key: string,
  expires: number,
  contentType: string,
  signature: string,
): boolean {
  if (expires < Math.floor(Date.now() / 1000)) return false;
  const expected = Buffer.from(signUrl(secret, method, key, expires, contentType));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const contentUrl = (apiUrl: string, key: string, expires: number, signature: string) =>
  `${apiUrl}/media/${encodeURIComponent(key)}/content?expires=${expires}&signature=${signature}`;

/** The URL-signing key, derived from the platform secret so every process of a split deployment agrees on it. */
export const mediaSigningKeyFrom = (jwtSecret: string): string =>
  createHmac('sha256', jwtSecret).update('socialnet media url signing').digest('base64url');
