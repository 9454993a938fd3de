import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitVerdict } from '../../src/engine/findings.ts';
import { UsageError } from '../../src/engine/usage.ts';
import { runConformance } from '../../src/run.ts';
import { runCli } from './cli.ts';

// Behaviour 1 (green while testing nothing) and the part of behaviour 2 that needs no reference: an unreachable
// target and one that accepts connections and never answers end in a report and exit 2, never a crash or a 0.
describe('no silent green', () => {
  it('refuses service names the spec does not have, naming the valid ones and the closest match (exit 2)', async () => {
    await expect(runConformance({ services: { message: 'http://127.0.0.1:1', notification: 'http://127.0.0.1:1' } })).rejects.toThrow(UsageError);
    const cli = await runCli(['run', '--service', 'message=http://127.0.0.1:9', '--jwt-secret', 'x']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('the spec\'s services are: chats, feed, feedback, media, notifications, posts, users');
    expect(cli.stderr).toContain('"message" (did you mean "chats"?)');
  });

  it('exits 2 when no check target executed, and says why', async () => {
    // Only feedback has a URL, and the selected check tests posts: every target is skipped for lack of a URL.
    const result = await runConformance({ services: { feedback: 'http://127.0.0.1:1' }, jwtSecret: 'x', only: ['propagation.caller-bearer'] });
    expect(result.checks.every((c) => c.targets.every((t) => t.status === 'skipped'))).toBe(true);
    expect(exitVerdict(result)).toEqual({ code: 2, why: 'no check target executed (every check was skipped)' });
  });

  it('reports an unreachable target as such, writes the reports and exits 2', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'conformance-unreachable-'));
    const cli = await runCli(['run', '--base-url', 'http://127.0.0.1:9', '--only', 'authn.accepts-valid-jwt,contract.unknown-route', '--report', 'json,junit,sarif', '--out', out]);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toMatch(/exit 2: \d+ errored, \d+ blocked targets/);
    expect(cli.stdout).toContain('the target is unreachable');
    const json = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
    const reasons = json.checks.flatMap((c: any) => c.targets.filter((t: any) => t.status !== 'skipped').map((t: any) => t.reason));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toContain('the target is unreachable');
    expect(readFileSync(join(out, 'conformance.junit.xml'), 'utf8')).toContain('type="blocked"');
    const sarif = JSON.parse(readFileSync(join(out, 'conformance.sarif'), 'utf8'));
    expect(sarif.runs[0].results.some((r: any) => r.level === 'note' && /unreachable/.test(r.message.text))).toBe(true);
  });

  it('turns a target that accepts connections and never answers into blocked targets with the cause (exit 2)', { timeout: 120_000 }, async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    try {
      const result = await runConformance({ baseUrl: `http://127.0.0.1:${port}`, jwtSecret: 'x', only: ['authn.accepts-valid-jwt'], timeoutMs: 300 });
      const ran = result.checks[0]!.targets.filter((t) => t.status !== 'skipped');
      expect(ran.length).toBeGreaterThan(0);
      for (const t of ran) {
        expect(['blocked', 'error']).toContain(t.status);
        expect(t.reason).toMatch(/no answer in time: try a larger --timeout/);
      }
      expect(exitVerdict(result).code).toBe(2);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('prints its version', async () => {
    const cli = await runCli(['--version']);
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
