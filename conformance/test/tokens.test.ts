import { createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { homemadeToken, mintToken, TOKEN_VARIANTS, tokenFor } from '../src/engine/tokens.ts';

const secret = 'unit-test-secret-0123456789abcdef';
const key = new TextEncoder().encode(secret);

/** The verifier the spec describes: HS256 only, sub and exp required, 30 s tolerance. */
async function specVerifier(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 30,
    });
    return typeof payload.sub === 'string' && payload.sub.length > 0;
  } catch {
    return false;
  }
}

describe('token matrix', () => {
  it('builds tokens that a verifier following the spec refuses, except the valid one', async () => {
    const valid = await mintToken(secret, 'user-1');
    for (const variant of TOKEN_VARIANTS) {
      const token = await tokenFor(variant, 'user-1', secret, valid);
      expect(await specVerifier(token), variant).toBe(variant === 'valid');
    }
  });

  it('builds each bad token so that it is bad for one reason only (a lax verifier accepts the claim-level ones)', async () => {
    // Without the algorithm allow-list and claim requirements, the HS384/HS512/no-exp tokens verify: they differ from a
    // valid token only in what the spec forbids (as the original, which accepted them, shows).
    for (const variant of ['hs384', 'hs512', 'no-exp'] as const) {
      const token = (await tokenFor(variant, 'user-1', secret, ''))!;
      await expect(jwtVerify(token, key)).resolves.toBeDefined();
    }
  });

  it('mints the original home-made token byte for byte: base64url(id).base64url(HMAC-SHA256(secret, raw))', () => {
    const raw = Buffer.from('1-9f3c').toString('base64url');
    expect(homemadeToken('1-9f3c', secret)).toBe(
      `${raw}.${createHmac('sha256', secret).update(raw).digest('base64url')}`,
    );
    expect(homemadeToken('1-9f3c', secret)).not.toContain('=');
  });

  it('needs the secret for the signed variants and says so', async () => {
    await expect(tokenFor('expired', 'u', undefined, 'v')).rejects.toThrow(/--jwt-secret/);
    expect(await tokenFor('alg-none', 'u', undefined, 'v')).toMatch(/^[\w-]+\.[\w-]+\.$/);
    expect(await tokenFor('alg-none-no-dot', 'u', undefined, 'v')).toMatch(/^[\w-]+\.[\w-]+$/);
  });
});
