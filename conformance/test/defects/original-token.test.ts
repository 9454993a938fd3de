import { describe, expect, it } from 'vitest';
import { homemadeToken, mintToken } from '../../src/engine/tokens.ts';
import { originalTokenAuthenticator } from './original-token.ts';

const SECRET = 'unit-secret-unit-secret-unit-secret-0001';

describe("the original's home-made token (defect fixture D2)", () => {
  it('accepts the raw.sig token conformance mints, and refuses a bad signature or a JWT', async () => {
    const verify = originalTokenAuthenticator(SECRET);
    await expect(verify(homemadeToken('1-ab', SECRET))).resolves.toMatchObject({ userId: '1-ab', roles: [] });
    await expect(verify(homemadeToken('1-ab', 'another-secret'))).rejects.toThrow('invalid token');
    await expect(verify(await mintToken(SECRET, '1-ab'))).rejects.toThrow('invalid token');
    await expect(verify('garbage')).rejects.toThrow('invalid token');
  });
});
