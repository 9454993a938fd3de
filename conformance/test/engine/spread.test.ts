import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/engine/check.ts';
import type { RunResult } from '../../src/engine/findings.ts';
import { runConformance } from '../../src/run.ts';
import { runCli } from '../foreign/cli.ts';

const SECRET = 'spread-test-secret';

/**
 * A target that registers anyone (the spec's public registration, 201 with a token) and answers every other request
 * 200, except those of the subs `limited` picks (given the subs of every request so far): 429 with Retry-After.
 */
async function limitingTarget(limited: (sub: string, sent: string[]) => boolean, retryAfter = '3600') {
  const registered: string[] = [];
  const sent: string[] = [];
  const server = createServer(async (req, res) => {
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (!bearer && req.method === 'POST') {
      const sub = `1-${randomBytes(8).toString('hex')}`;
      registered.push(sub);
      const token = await new SignJWT({ sub })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ user_id: sub, name: 'n', email: 'e@example.com', access_token: token }));
      return;
    }
    const sub = bearer ? String(decodeJwt(bearer).sub) : '';
    sent.push(sub);
    if (limited(sub, sent)) {
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter })
        .end('{"error":"slow down"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    registered,
    sent,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Three targets, each asking the pool for `owner` ("some user") and reading one operation as it. */
const probe = defineCheck<string>({
  id: 'contract.spread-probe',
  title: 'reads one operation as the pool owner',
  clause: 'SN-ERROR-SHAPE',
  tags: ['contract'],
  failure: 'the read was not answered 200',
  targets: () => ['a', 'b', 'c'],
  async run(ctx) {
    const owner = await ctx.user('owner');
    const op = ctx.spec.operation('listUsers')!;
    const res = await ctx.send(op, { path: {}, query: {}, headers: {} }, { as: owner });
    if (res.status !== 200) ctx.fail({ severity: 'deviation', expected: '200', received: String(res.status) });
  },
});

async function run(target: { url: string }, rateLimit: Record<string, number>): Promise<RunResult> {
  return runConformance({
    baseUrl: target.url,
    jwtSecret: SECRET,
    checks: [probe],
    concurrency: 1,
    rateLimit: { perRequestMs: 2_000, perRunMs: 2_000, ...rateLimit },
  });
}

const statuses = (result: RunResult) => result.checks[0]!.targets.map((t) => t.status);

describe('spreading work over identities when the target limits per user', () => {
  it('a per-user 429 far beyond the budget moves the target to another member of the label, never judged', async () => {
    // Only the first user that sends (the pool's owner) is limited, for an hour.
    const target = await limitingTarget((sub, sent) => sub === sent[0]);
    try {
      const result = await run(target, { identities: 3 });
      expect(statuses(result)).toEqual(['pass', 'pass', 'pass']);
      // owner and stranger (created before the checks), then owner #2 for the first target's re-run; the two later
      // targets know the owner's limit and go to owner #2 without sending as the owner again.
      expect(target.registered).toHaveLength(3);
      const [owner, second] = [...new Set(target.sent)];
      expect(target.registered).toEqual(expect.arrayContaining([owner, second]));
      expect(target.sent).toEqual([owner, second, second, second]);
      expect(result.rateLimits).toEqual({ met: 1, waited: 0, waitedMs: 0, spread: 3, extraIdentities: 1, gaveUp: 0 });
    } finally {
      await target.close();
    }
  });

  it('a 429 that hits every identity (a global limit) stays bounded and ends rate-limited', async () => {
    const target = await limitingTarget(() => true);
    try {
      const result = await run(target, { identities: 3 });
      expect(statuses(result)).toEqual(['rate-limited', 'rate-limited', 'rate-limited']);
      for (const t of result.checks[0]!.targets) expect(t.findings).toEqual([]);
      // At most `identities` members of the label: owner, owner #2, owner #3 (and the stranger created up front).
      expect(target.registered).toHaveLength(4);
      // The first target tries each member once; the later ones know every member is limited: one 429 each.
      const owners = [...new Set(target.sent)];
      expect(owners).toHaveLength(3);
      expect(target.sent).toEqual([...owners, owners[0], owners[0]]);
      expect(result.rateLimits).toEqual({ met: 5, waited: 0, waitedMs: 0, spread: 2, extraIdentities: 2, gaveUp: 3 });
      expect(result.checks[0]!.targets[0]!.reason).toMatch(/429 \(Retry-After: 3600\) beyond the rate-limit budget/);
    } finally {
      await target.close();
    }
  });

  it('a label made up on each attempt (a user per attempt) is bounded too: rate-limited after the run-wide cap', async () => {
    const target = await limitingTarget(() => true);
    const madeUp = defineCheck<string>({
      ...probe,
      id: 'contract.spread-made-up-label',
      targets: () => ['a'],
      async run(ctx) {
        const user = await ctx.user(`someone ${randomBytes(3).toString('hex')}`);
        await ctx.send(ctx.spec.operation('listUsers')!, { path: {}, query: {}, headers: {} }, { as: user });
      },
    });
    try {
      const result = await runConformance({
        baseUrl: target.url,
        jwtSecret: SECRET,
        checks: [madeUp],
        rateLimit: { perRequestMs: 2_000, perRunMs: 2_000, identities: 2 },
      });
      expect(statuses(result)).toEqual(['rate-limited']);
      // identities 2: one re-run per label, four in all; then the fifth attempt's 429 is given up on.
      expect(target.sent).toHaveLength(5);
      expect(result.rateLimits).toMatchObject({ met: 5, spread: 4, gaveUp: 1 });
    } finally {
      await target.close();
    }
  });

  it('a request sent without a token is not spread: another identity would not change what limits it', async () => {
    const target = await limitingTarget(() => true);
    const anonymous = defineCheck<string>({
      ...probe,
      id: 'contract.spread-anonymous',
      targets: () => ['a'],
      async run(ctx) {
        const owner = await ctx.user('owner');
        await ctx.send(
          ctx.spec.operation('listUsers')!,
          { path: {}, query: {}, headers: {} },
          { as: owner, token: null },
        );
      },
    });
    try {
      const result = await runConformance({
        baseUrl: target.url,
        jwtSecret: SECRET,
        checks: [anonymous],
        rateLimit: { perRequestMs: 2_000, perRunMs: 2_000, identities: 3 },
      });
      expect(statuses(result)).toEqual(['rate-limited']);
      expect(target.sent).toEqual(['']);
      expect(target.registered).toHaveLength(2);
      expect(result.rateLimits).toMatchObject({ met: 1, spread: 0, extraIdentities: 0, gaveUp: 1 });
    } finally {
      await target.close();
    }
  });

  it('with one identity per label (spreading off) the same per-user limit is rate-limited', async () => {
    const target = await limitingTarget((sub, sent) => sub === sent[0]);
    try {
      const result = await run(target, { identities: 1 });
      expect(statuses(result)).toEqual(['rate-limited', 'rate-limited', 'rate-limited']);
      expect(target.registered).toHaveLength(2);
      expect(result.rateLimits).toMatchObject({ met: 3, spread: 0, extraIdentities: 0, gaveUp: 3 });
    } finally {
      await target.close();
    }
  });

  it('a short Retry-After is waited out, not spread', async () => {
    let once = true;
    const target = await limitingTarget(() => (once ? !(once = false) : false), '0');
    try {
      const result = await run(target, { identities: 3 });
      expect(statuses(result)).toEqual(['pass', 'pass', 'pass']);
      expect(target.registered).toHaveLength(2);
      expect(result.rateLimits).toMatchObject({ met: 1, waited: 1, spread: 0, extraIdentities: 0, gaveUp: 0 });
    } finally {
      await target.close();
    }
  });

  it('--identities sets the bound from the command line (1: spreading off), and the summary says what was done', async () => {
    const target = await limitingTarget(() => true);
    try {
      const args = ['run', '--base-url', target.url, '--jwt-secret', SECRET, '--only', 'authn.accepts-valid-jwt'];
      const off = await runCli([...args, '--identities', '1', '--concurrency', '1']);
      expect(off.code, off.stderr).toBe(2);
      expect(off.stdout).toMatch(
        /rate limits: \d+ 429s met; 0 waited out \(0\.0 s\); 0 spread over other test identities \(0 extra identities created\)/,
      );
      const registeredOff = target.registered.length;
      const on = await runCli([...args, '--identities', '2', '--concurrency', '1']);
      expect(on.code, on.stderr).toBe(2);
      expect(on.stdout).toMatch(/; [1-9]\d* spread over other test identities \([1-9]\d* extra identities created\)/);
      // --identities 2: at most one more member per label than with spreading off, each one registered.
      const extra = Number(/(\d+) extra identities created/.exec(on.stdout)![1]);
      expect(extra).toBeLessThanOrEqual(registeredOff);
      expect(target.registered.length).toBe(2 * registeredOff + extra);
    } finally {
      await target.close();
    }
  });
});
