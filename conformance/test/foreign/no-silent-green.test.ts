import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitVerdict, outcomeOf } from '../../src/engine/findings.ts';
import { consoleReport } from '../../src/reporters/console.ts';
import { UsageError } from '../../src/engine/usage.ts';
import { runConformance } from '../../src/run.ts';
import { runCli } from './cli.ts';

// Behaviour 1 (green while testing nothing) and the part of behaviour 2 that needs no reference: an unreachable
// target and one that accepts connections and never answers end in a report and exit 2, never a crash or a 0.
describe('no silent green', () => {
  it('refuses service names the spec does not have, naming the valid ones and the closest match (exit 2)', async () => {
    await expect(
      runConformance({ services: { message: 'http://127.0.0.1:1', notification: 'http://127.0.0.1:1' } }),
    ).rejects.toThrow(UsageError);
    const cli = await runCli(['run', '--service', 'message=http://127.0.0.1:9', '--jwt-secret', 'x']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("the spec's services are: chats, feed, feedback, media, notifications, posts, users");
    expect(cli.stderr).toContain('"message" (did you mean "chats"?)');
  });

  it('exits 2 when no check target executed, and says why', async () => {
    // Only feedback has a URL, and the selected check tests posts: every target is skipped for lack of a URL.
    const result = await runConformance({
      services: { feedback: 'http://127.0.0.1:1' },
      jwtSecret: 'x',
      only: ['propagation.caller-bearer'],
    });
    expect(result.checks.every((c) => c.targets.every((t) => t.status === 'skipped'))).toBe(true);
    expect(exitVerdict(result)).toEqual({ code: 2, why: 'no check target executed (every check was skipped)' });
    const summary = consoleReport(result);
    expect(summary).toContain(
      '\n3 check targets skipped for lack of a URL: no --base-url and no --service for chats, feed, posts (pass --base-url or --service chats=URL)\n',
    );
    expect(summary).toContain('exit 2: no check target executed (every check was skipped)');
  });

  it(
    'a target that answers 429 to everyone beyond the budget: every target rate-limited, registration included, none judged (exit 2)',
    { timeout: 120_000 },
    async () => {
      let requests = 0;
      const limited = createHttpServer(
        (_req, res) =>
          void (
            requests++,
            res
              .writeHead(429, { 'retry-after': '3600', 'content-type': 'application/json' })
              .end('{"error":"slow down"}')
          ),
      );
      await new Promise<void>((resolve) => limited.listen(0, '127.0.0.1', resolve));
      const port = (limited.address() as import('node:net').AddressInfo).port;
      try {
        const result = await runConformance({
          baseUrl: `http://127.0.0.1:${port}`,
          jwtSecret: 'x',
          only: ['authn', 'authz.owner'],
          rateLimit: { perRequestMs: 1_000, perRunMs: 1_000 },
        });
        const ran = result.checks.flatMap((c) => c.targets.filter((t) => t.status !== 'skipped'));
        expect(ran.length).toBeGreaterThan(10);
        expect(requests).toBeGreaterThan(0);
        for (const t of ran) {
          expect(outcomeOf(t), `${t.label}: ${t.reason}`).toBe('rate-limited');
          expect(t.reason).toMatch(/429 \(Retry-After: 3600\) beyond the rate-limit budget/);
        }
        expect(exitVerdict(result)).toEqual({ code: 2, why: `${ran.length} rate-limited targets` });
        expect(consoleReport(result)).toContain(
          'try: --concurrency 1, fewer checks (--only), more test identities (--identities N), or a larger rateLimit budget in the config',
        );
      } finally {
        limited.close();
      }
    },
  );

  it('reports an unreachable target as such, writes the reports and exits 2', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'conformance-unreachable-'));
    const cli = await runCli([
      'run',
      '--base-url',
      'http://127.0.0.1:9',
      '--only',
      'authn.accepts-valid-jwt,contract.unknown-route',
      '--report',
      'json,junit,sarif',
      '--out',
      out,
    ]);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toMatch(/exit 2: \d+ errored, \d+ blocked targets/);
    expect(cli.stdout).toContain('the target is unreachable');
    const json = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
    const reasons = json.checks.flatMap((c: any) =>
      c.targets.filter((t: any) => t.status !== 'skipped').map((t: any) => t.reason),
    );
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toContain('the target is unreachable');
    expect(readFileSync(join(out, 'conformance.junit.xml'), 'utf8')).toContain('type="blocked"');
    const sarif = JSON.parse(readFileSync(join(out, 'conformance.sarif'), 'utf8'));
    expect(sarif.runs[0].results.some((r: any) => r.level === 'note' && /unreachable/.test(r.message.text))).toBe(true);
  });

  it(
    'turns a target that accepts connections and never answers into blocked targets with the cause (exit 2)',
    { timeout: 120_000 },
    async () => {
      const sockets: import('node:net').Socket[] = [];
      const requests: string[] = [];
      const silent: Server = createServer((socket) => {
        sockets.push(socket);
        socket.on('data', (d) => requests.push(d.toString('latin1').split('\r\n')[0]!));
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as import('node:net').AddressInfo).port;
      try {
        // Set-up steps wait 60 s by default (registration runs a KDF): shortened here, as --setup-timeout does.
        const result = await runConformance({
          baseUrl: `http://127.0.0.1:${port}`,
          jwtSecret: 'x',
          only: ['authn.accepts-valid-jwt'],
          timeoutMs: 300,
          setupTimeoutMs: 300,
        });
        const ran = result.checks[0]!.targets.filter((t) => t.status !== 'skipped');
        expect(ran.length).toBeGreaterThan(0);
        for (const t of ran) {
          expect(['blocked', 'error']).toContain(t.status);
          expect(t.reason).toMatch(/no answer in time: try a larger --timeout/);
        }
        expect(exitVerdict(result).code).toBe(2);
        // owner and stranger: three registrations each (a new identity after each lost answer), then the failure is
        // the run's answer; no target waits for registrations of its own (which would make the run last for hours).
        expect(requests).toEqual(Array(6).fill('POST /api/users HTTP/1.1'));
      } finally {
        for (const s of sockets) s.destroy();
        silent.close();
      }
    },
  );

  it('prints its version', async () => {
    const cli = await runCli(['--version']);
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim()).toBe(
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
    );
  });
});
