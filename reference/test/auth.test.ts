import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueJwt, jwtAuthenticator } from '../src/index.ts';
import { hashPassword, verifyPassword } from '../src/shared/auth/password.ts';
import { VerifiedTokenCache } from '../src/shared/auth/verified-token-cache.ts';
import { mintOriginalToken } from './support/original-token.ts';

const SECRET = 'unit-secret-unit-secret-unit-secret-0001';
const key = new TextEncoder().encode(SECRET);
const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: Record<string, unknown>, alg = 'HS256', k: Uint8Array = key) =>
  new SignJWT(claims).setProtectedHeader({ alg }).sign(k);
const verify = jwtAuthenticator(SECRET);

describe('jwtAuthenticator (SN-AUTHN-*)', () => {
  it('accepts an HS256 token with sub and exp, and reads roles', async () => {
    const token = await sign({ sub: '1-ab', exp: now() + 60, roles: ['admin', 7] });
    await expect(verify(token)).resolves.toEqual({ userId: '1-ab', roles: ['admin'], token });
  });

  it.each([
    ['alg none', async () => new UnsecuredJWT({ sub: '1-ab', exp: now() + 60 }).encode()],
    ['HS384 with the same secret (the original accepted it)', () => sign({ sub: '1-ab', exp: now() + 60 }, 'HS384')],
    ['HS512 with the same secret', () => sign({ sub: '1-ab', exp: now() + 60 }, 'HS512')],
    ['another secret', () => sign({ sub: '1-ab', exp: now() + 60 }, 'HS256', new TextEncoder().encode('x'.repeat(40)))],
    ['expired beyond the 30 s tolerance', () => sign({ sub: '1-ab', exp: now() - 31 })],
    ['not yet valid (nbf) beyond the tolerance', () => sign({ sub: '1-ab', exp: now() + 600, nbf: now() + 120 })],
    ['no sub', () => sign({ exp: now() + 60 })],
    ['an empty sub', () => sign({ sub: '', exp: now() + 60 })],
    ['no exp (the original accepted it)', () => sign({ sub: '1-ab' })],
    ['the home-made raw.sig token', async () => mintOriginalToken('1-ab', SECRET)],
    ['garbage', async () => 'not-a-token'],
  ])('refuses %s', async (_name, make) => {
    await expect(verify(await make())).rejects.toThrow();
  });

  it('allows 30 s of clock skew on exp', async () => {
    await expect(verify(await sign({ sub: '1-ab', exp: now() - 20 }))).resolves.toMatchObject({ userId: '1-ab' });
  });

  it('issues tokens it accepts (users service)', async () => {
    const { token } = await issueJwt(SECRET, '2-cd');
    await expect(verify(token)).resolves.toMatchObject({ userId: '2-cd', roles: [] });
  });

  it('remembers a verified token only until its exp plus the tolerance', () => {
    const cache = new VerifiedTokenCache(30);
    const principal = { userId: '1-ab', roles: [], token: 't' };
    cache.set('fresh', principal, now() + 60);
    cache.set('stale', principal, now() - 31);
    expect(cache.get('fresh')).toBe(principal);
    expect(cache.get('stale')).toBeUndefined();
    expect(cache.get('never-seen')).toBeUndefined();
  });

  it('refuses a tampered copy of a token it has already accepted', async () => {
    const token = await sign({ sub: '1-ab', exp: now() + 60 });
    await verify(token);
    const [h, p] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'admin', exp: now() + 60 })).toString('base64url')}.${token.split('.')[2]}`;
    expect(p).toBeDefined();
    await expect(verify(forged)).rejects.toThrow();
  });

  it('has no empty-secret mode', () => {
    expect(() => jwtAuthenticator('')).toThrow(/JWT_SECRET is required/);
  });
});

describe('passwords (scrypt)', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hashPassword('correct-horse');
    expect(a).not.toEqual(await hashPassword('correct-horse'));
    expect(await verifyPassword('correct-horse', a)).toBe(true);
    expect(await verifyPassword('wrong-horse', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
