import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/findings.ts';
import { startReference, type StartedReference } from '../../src/reference.ts';
import { runConformance } from '../../src/run.ts';
import { explain } from '../harness/expect-run.ts';
import D5 from './D5-public-user-notifications.ts';

/**
 * The curl of a bad-token finding carries the bad token it sent, never an unexplained $TOKEN: run against D5 (a
 * secured read made public, so every bad token is accepted) and replayed with the shell against the same target.
 */
describe('D5: each bad-token finding reproduces with the very token that was accepted', () => {
  let reference: StartedReference;
  let findings: Finding[];

  beforeAll(async () => {
    reference = await startReference({ variant: D5.variant });
    const result = await runConformance({
      baseUrl: reference.target.baseUrl,
      jwtSecret: reference.jwtSecret,
      only: ['authn.rejects-bad-tokens'],
    });
    findings = result.checks[0]!.targets.flatMap((t) => t.findings).filter(
      (f) => f.operationId === 'listUserNotifications' && f.severity === 'security',
    );
    expect(findings.length, explain(result)).toBeGreaterThan(5);
  }, 300_000);
  afterAll(() => reference?.close());

  // Asynchronously: the reference answers from this very process.
  const replay = async (curl: string) =>
    (
      await promisify(execFile)('bash', ['-c', curl.replace(/^curl -i /m, 'curl -s -o /dev/null -w "%{http_code}" ')], {
        env: { ...process.env, JWT_SECRET: reference.jwtSecret },
      })
    ).stdout;
  const of = (label: string) => findings.find((f) => f.expected.endsWith(label))!.exchange!.curl;

  it('a token that needs no secret is written out; replayed, the target accepts it again', async () => {
    const curl = of('an unsigned JWT (alg: none)');
    expect(curl).toMatch(/^# an unsigned JWT \(alg: none\)\ncurl /);
    expect(curl).toMatch(/"authorization: Bearer eyJ[\w-]+\.eyJ[\w-]+\."/i);
    expect(curl).not.toContain('$TOKEN');
    expect(await replay(curl)).toBe('200');
  });

  it('a token signed with the platform key is rebuilt from $JWT_SECRET; replayed, the target accepts it again', async () => {
    const curl = of('a JWT signed with HS512 (the spec allows HS256 only)');
    const [comment, rebuild, command] = curl.split('\n');
    expect(comment).toBe(
      '# a JWT signed with HS512 (the spec allows HS256 only), signed with the platform secret (export JWT_SECRET=... first)',
    );
    expect(rebuild).toMatch(/^TOKEN="eyJ[\w-]+\.eyJ[\w-]+\.\$\(printf .* openssl dgst -sha512 -hmac "\$JWT_SECRET"/);
    expect(command).toContain('"authorization: Bearer $TOKEN"');
    expect(await replay(curl)).toBe('200');
  });

  it('no Authorization header: the curl says so and sends none', async () => {
    const curl = of('no Authorization header');
    expect(curl).toMatch(/^# no Authorization header\ncurl /);
    expect(curl).not.toMatch(/-H "authorization/i);
    expect(await replay(curl)).toBe('200');
  });
});
