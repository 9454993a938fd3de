import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminOf, checkConfig, doublesOf, jwtSecretOf, loadConfig } from '../src/config.ts';
import { parseClaims } from '../src/engine/tokens.ts';
import { UsageError } from '../src/engine/usage.ts';
import { urlFor } from '../src/engine/target.ts';
import { loadSpec } from '../src/spec/load.ts';

const write = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'conformance-config-')), 'conformance.yaml');
  writeFileSync(path, text);
  return path;
};

describe('conformance.yaml', () => {
  it('reads a team config with per-service URLs, claims, an admin header from the environment and a rate-limit budget', () => {
    const path = write(`
services:
  notifications: http://notifications.internal:8086
pathPrefix: /v2
jwtSecretEnv: TEAM_JWT
tokenClaims: {sh: 0}
admin: {header: X-Admin-Token, valueEnv: TEAM_ADMIN}
rateLimit: {perRequestMs: 5000, identities: 3, spreadAfterMs: 2000}
only: [authn]
doubles: {media: {}}
`);
    const env = { TEAM_JWT: 'k', TEAM_ADMIN: 'a' };
    const config = loadConfig(path, env);
    expect(config.services).toEqual({ notifications: 'http://notifications.internal:8086' });
    expect(config.tokenClaims).toEqual({ sh: 0 });
    expect(jwtSecretOf(config, env)).toBe('k');
    expect(adminOf(config, env)).toEqual({ header: 'X-Admin-Token', value: 'a' });
    expect(doublesOf(config)).toEqual(['media']);
    expect(config.rateLimit).toEqual({ perRequestMs: 5000, identities: 3, spreadAfterMs: 2000 });
  });

  it('names the recording doubles: started here, or read at the URL of one the deployment started', () => {
    expect(doublesOf(checkConfig({ doubles: { media: { url: 'http://127.0.0.1:8098' } } }))).toEqual([
      'media=http://127.0.0.1:8098',
    ]);
    expect(() => checkConfig({ doubles: { payments: {} } })).toThrow(UsageError);
    expect(() => checkConfig({ doubles: { media: { port: 1 } } })).toThrow(UsageError);
  });

  it('refuses what its schema does not describe, naming the field (a usage error: exit 2)', () => {
    expect(() => checkConfig({ baseURL: 'http://x' })).toThrow(/additional properties \(baseURL\)/);
    expect(() => checkConfig({ admin: { header: 'X-Admin-Token' } })).toThrow(UsageError);
    expect(() => checkConfig({ services: { chats: 'ftp://x' } })).toThrow(/services\/chats/);
    expect(() => checkConfig({ rateLimit: { identities: 0 } })).toThrow(/rateLimit\/identities must be >= 1/);
    expect(() => checkConfig({ jwtSecretEnv: 'NOT_SET_ANYWHERE' }, 'c', {})).toThrow(
      /NOT_SET_ANYWHERE, which is not set/,
    );
    expect(() => loadConfig('/nonexistent/conformance.yaml')).toThrow(/no such file/);
  });

  it('types --token-claim values', () => {
    expect(parseClaims(['sh=0', 'tenant=acme', 'beta=true'])).toEqual({ sh: 0, tenant: 'acme', beta: true });
    expect(() => parseClaims(['sh'])).toThrow(UsageError);
  });

  it('replaces the gateway prefix with pathPrefix', async () => {
    const spec = await loadSpec();
    const target = { baseUrl: 'http://gw', services: {}, pathPrefix: '/v2' };
    expect(urlFor(target, spec.operation('listChats')!)).toBe('http://gw/v2/chats');
    expect(urlFor(target, spec.operation('listPostComments')!, { post_id: 7 })).toBe(
      'http://gw/v2/feedback/posts/7/comments',
    );
  });
});
