import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitVerdict, type RunResult } from '../../src/engine/findings.ts';
import { startReference, type StartedReference } from '../../src/reference.ts';
import { runConformance, type ConformanceOptions } from '../../src/run.ts';
import { consoleReport } from '../../src/reporters/console.ts';
import { explain } from '../harness/expect-run.ts';
import { startForeignGateway, type ForeignBehaviour } from './foreign-gateway.ts';
import { labelsWith, outcomes, reasonOf, received } from './verdicts.ts';

/**
 * Foreign-style fixtures: the reference behind a gateway that behaves like another team's implementation
 * (foreign-gateway.ts, after ../shared/system-under-review.md). Each test states the exact verdict of every target
 * of the checks the behaviour affects: zero false positives, zero false negatives.
 */
let reference: StartedReference;

beforeAll(async () => {
  reference = await startReference();
}, 300_000);
afterAll(() => reference?.close());

async function against(behaviour: ForeignBehaviour, options: ConformanceOptions): Promise<RunResult> {
  const gateway = await startForeignGateway(reference.target.baseUrl!, behaviour);
  try {
    return await runConformance({ baseUrl: gateway.url, jwtSecret: reference.jwtSecret, concurrency: 4, ...options });
  } finally {
    await gateway.close();
  }
}

/** `check: label` → outcome of every target that ran, over all checks. */
const everyOutcome = (result: RunResult) =>
  Object.fromEntries(
    result.checks.flatMap((c) =>
      Object.entries(outcomes(result, c.id)).map(([label, o]) => [`${c.id}: ${label}`, o] as const),
    ),
  );

const labelsOfAny = (result: RunResult, outcome: string) =>
  Object.entries(everyOutcome(result))
    .filter(([, o]) => o === outcome)
    .map(([k]) => k)
    .sort();

const allOther = (result: RunResult, checkId: string, except: string[]) =>
  Object.entries(outcomes(result, checkId))
    .filter(([label]) => !except.includes(label))
    .map(([, o]) => o);

describe('foreign-style targets get the verdicts they deserve', () => {
  it(
    'behaviour 3: a missing operation is not-implemented and a redirect is a deviation, never "accepted"',
    { timeout: 300_000 },
    async () => {
      const result = await against(
        {
          missing: [{ method: 'POST', path: /^\/api\/notifications\/test$/ }],
          redirect: [{ method: 'GET', path: /^\/api\/friends$/, location: 'http://gateway.other.example/friends' }],
        },
        { only: ['authn'] },
      );
      const missing = 'POST /api/notifications/test';
      const redirected = 'GET /api/friends';
      expect(outcomes(result, 'authn.accepts-valid-jwt')[missing]).toBe('not-implemented');
      expect(outcomes(result, 'authn.accepts-valid-jwt')[redirected]).toBe('fail-deviation');
      expect(outcomes(result, 'authn.rejects-bad-tokens')[missing]).toBe('not-implemented');
      expect(outcomes(result, 'authn.rejects-bad-tokens')[redirected]).toBe('blocked');
      expect(reasonOf(result, 'authn.rejects-bad-tokens', redirected)).toMatch(
        /^valid token redirected: 301 redirect to http:\/\/gateway.other.example\/friends/,
      );
      // Marking a notification read needs a notification, which only the missing operation creates: no control.
      const dependent = 'POST /api/notifications/{notification_id}/read';
      expect(outcomes(result, 'authn.rejects-bad-tokens')[dependent]).toBe('blocked');
      expect(reasonOf(result, 'authn.rejects-bad-tokens', dependent)).toMatch(
        /^no control request possible: the resources it needs could not be created \(creating a notification .* got 404/,
      );
      for (const id of ['authn.accepts-valid-jwt', 'authn.rejects-bad-tokens']) {
        const others = Object.entries(outcomes(result, id)).filter(
          ([label, o]) =>
            ![missing, redirected, ...(id === 'authn.rejects-bad-tokens' ? [dependent] : [])].includes(label) &&
            o !== 'pass',
        );
        expect(others.map(([label, o]) => `${label}: ${o}: ${reasonOf(result, id, label)}`)).toEqual([]);
      }
      const matrix = result.observations.filter((o) => o.kind === 'token-matrix');
      expect(matrix.filter((o) => o.data.outcome === 'accepted' && o.data.variant !== 'valid')).toEqual([]);
      expect(matrix.filter((o) => o.data.operationId === 'createTestNotification').map((o) => o.data.outcome)).toEqual(
        Array(13).fill('not-implemented'),
      );
      expect(
        result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings)).filter((f) => f.severity === 'security'),
      ).toEqual([]);
      expect(exitVerdict(result).code).toBe(1);
    },
  );

  it(
    'behaviour 4: a write answered 200 that changes nothing is a deviation, not a breach',
    { timeout: 300_000 },
    async () => {
      const result = await against(
        {
          noOpWrites: [
            { method: 'POST', path: /^\/api\/notifications\/[^/]+\/read$/ },
            { method: 'POST', path: /^\/api\/chats\/[^/]+\/leave$/ },
          ],
        },
        { only: ['authz.owner', 'authz.chat-membership', 'authz.refused-write-unchanged'] },
      );
      const read = 'POST /api/notifications/{notification_id}/read';
      const leave = 'POST /api/chats/{chat_id}/leave';
      expect(outcomes(result, 'authz.owner')[read], explain(result)).toBe('fail-deviation');
      expect(outcomes(result, 'authz.chat-membership')[leave], explain(result)).toBe('fail-deviation');
      expect(received(result, 'authz.owner')).toEqual([
        expect.stringMatching(/^200, but nothing the owner reads changed \(no observable effect\)/),
      ]);
      expect(new Set(allOther(result, 'authz.owner', [read])), explain(result)).toEqual(new Set(['pass']));
      expect(new Set(allOther(result, 'authz.chat-membership', [leave])), explain(result)).toEqual(new Set(['pass']));
      expect(new Set(Object.values(outcomes(result, 'authz.refused-write-unchanged'))), explain(result)).toEqual(
        new Set(['pass']),
      );
    },
  );

  it('behaviour 6: per-user 429s with Retry-After are waited out, never judged', { timeout: 300_000 }, async () => {
    const result = await against(
      { rateLimit: { max: 4, windowMs: 1000, retryAfterS: 1, path: /^\/api\/(chats|messages)/ } },
      { only: ['authz.chat-membership'] },
    );
    expect(new Set(Object.values(outcomes(result, 'authz.chat-membership'))), explain(result)).toEqual(
      new Set(['pass']),
    );
  });

  it(
    'behaviour 6: a 429 beyond the rate-limit budget is rate-limited, its own outcome (exit 2)',
    { timeout: 300_000 },
    async () => {
      const result = await against(
        { rateLimit: { max: 0, windowMs: 60_000, retryAfterS: 3600, path: /^\/api\/chats\/[^/]+\/messages$/ } },
        { only: ['authz.chat-membership'], rateLimit: { perRequestMs: 5_000, perRunMs: 10_000 } },
      );
      // The history read answers 429 for an hour: its own target, and every write target (whose owner re-reads the
      // history before and after the stranger's attempt) are rate-limited; nothing else, and nothing is judged on a 429.
      const history = 'GET /api/chats/{chat_id}/messages';
      const all = outcomes(result, 'authz.chat-membership');
      expect(all[history], explain(result)).toBe('rate-limited');
      for (const [label, outcome] of Object.entries(all)) {
        const readsHistory = label === history || !label.startsWith('GET ');
        expect(outcome, `${label}: ${reasonOf(result, 'authz.chat-membership', label)}`).toBe(
          readsHistory ? 'rate-limited' : 'pass',
        );
        if (outcome === 'rate-limited')
          expect(reasonOf(result, 'authz.chat-membership', label)).toMatch(
            /429 \(Retry-After: 3600\) beyond the rate-limit budget/,
          );
      }
      expect(received(result, 'authz.chat-membership')).toEqual([]);
      expect(exitVerdict(result).code).toBe(2);
      expect(exitVerdict(result).why).toMatch(/^\d+ rate-limited targets$/);
    },
  );

  it(
    'behaviour 6: per-user limits far above the budget are spread over other identities: the verdicts of an unlimited run',
    { timeout: 600_000 },
    async () => {
      // One feed rebuild and four message sends an hour per user (Retry-After: 3600), far beyond the budget: the run
      // needs two rebuilds and about ten sends as the pool's owner, so three of its five identities.
      const limits = [
        { method: 'POST', path: /^\/api\/feed\/rebuild$/, max: 1, windowMs: 3_600_000, retryAfterS: 3600 },
        { method: 'POST', path: /^\/api\/messages(\/upload)?$/, max: 4, windowMs: 3_600_000, retryAfterS: 3600 },
      ];
      const only = ['authn.accepts-valid-jwt', 'contract.response-schema', 'authz.chat-membership'];
      const free = await against({}, { only });
      const limited = await startForeignGateway(reference.target.baseUrl!, { rateLimit: limits });
      const spread = await runConformance({
        baseUrl: limited.url,
        jwtSecret: reference.jwtSecret,
        concurrency: 4,
        only,
      }).finally(() => limited.close());
      expect(everyOutcome(spread), explain(spread)).toEqual(everyOutcome(free));
      expect(labelsOfAny(spread, 'rate-limited')).toEqual([]);
      // The limits were met, and worked around by other identities instead of waiting an hour.
      expect(limited.limited).toBeGreaterThan(0);
      expect(limited.limitedSubs.size).toBeGreaterThan(1);
      const stats = spread.rateLimits!;
      expect(stats.met).toBe(limited.limited);
      expect(stats.spread).toBeGreaterThan(0);
      expect(stats.extraIdentities).toBeGreaterThan(0);
      expect([stats.waited, stats.gaveUp]).toEqual([0, 0]);
      expect(consoleReport(spread)).toMatch(
        new RegExp(
          `rate limits: ${stats.met} 429s met; 0 waited out \\(0\\.0 s\\); ${stats.spread} spread over other test identities \\(${stats.extraIdentities} extra identities created\\); 0 beyond the budget`,
        ),
      );

      // One identity per label: the same limits are rate-limited (never judged), the rest as without limits.
      const single = await against({ rateLimit: limits }, { only, rateLimit: { identities: 1 } });
      const want = everyOutcome(free);
      const got = everyOutcome(single);
      const rateLimited = labelsOfAny(single, 'rate-limited');
      expect(rateLimited.length).toBeGreaterThan(0);
      for (const key of rateLimited) {
        expect(want[key]).toBeDefined();
        expect(reasonOf(single, key.split(': ')[0]!, key.split(': ')[1]!)).toMatch(/429 \(Retry-After: 3600\)/);
      }
      expect(
        Object.fromEntries(Object.entries(got).filter(([k]) => !rateLimited.includes(k))),
        explain(single),
      ).toEqual(Object.fromEntries(Object.entries(want).filter(([k]) => !rateLimited.includes(k))));
      expect(single.rateLimits!.spread).toBe(0);
      expect(single.rateLimits!.gaveUp).toBeGreaterThan(0);
      expect(exitVerdict(single).code).toBe(exitVerdict(free).code === 0 ? 2 : exitVerdict(free).code);
    },
  );

  it(
    'behaviour 7: a required extra claim blocks the token matrix (never "refused") until --token-claim gives it',
    { timeout: 300_000 },
    async () => {
      const without = await against({ requiredClaim: 'sh' }, { only: ['authn.rejects-bad-tokens'] });
      const cells = without.observations.filter((o) => o.kind === 'token-matrix');
      expect(cells.length).toBeGreaterThan(0);
      expect(new Set(cells.map((o) => o.data.outcome))).toEqual(new Set(['blocked']));
      for (const label of Object.keys(outcomes(without, 'authn.rejects-bad-tokens'))) {
        expect(reasonOf(without, 'authn.rejects-bad-tokens', label)).toMatch(
          /^valid token refused: the control request with a valid token got 401/,
        );
      }
      const withClaim = await against(
        { requiredClaim: 'sh' },
        { only: ['authn.rejects-bad-tokens'], tokenClaims: { sh: 0 } },
      );
      expect(new Set(Object.values(outcomes(withClaim, 'authn.rejects-bad-tokens'))), explain(withClaim)).toEqual(
        new Set(['pass']),
      );
    },
  );

  it(
    'behaviour 8: admin operations guarded by a static header are tested with the configured admin credential',
    { timeout: 300_000 },
    async () => {
      const guard = {
        name: 'X-Admin-Token',
        value: 'admin-3e7f',
        path: /^\/api\/celebrities\/[^/]+$/,
        secret: reference.jwtSecret,
      };
      const admins = ['DELETE /api/celebrities/{user_id}', 'POST /api/celebrities/{user_id}'];
      const without = await against({ adminHeader: guard }, { only: ['authn.rejects-bad-tokens', 'authz.admin'] });
      for (const label of admins) {
        expect(outcomes(without, 'authn.rejects-bad-tokens')[label]).toBe('blocked');
        expect(reasonOf(without, 'authn.rejects-bad-tokens', label)).toMatch(
          /^valid token refused: the control request with a valid token got 403/,
        );
      }
      const withHeader = await against(
        { adminHeader: guard },
        { only: ['authn.rejects-bad-tokens', 'authz.admin'], admin: { header: 'X-Admin-Token', value: 'admin-3e7f' } },
      );
      expect(new Set(Object.values(outcomes(withHeader, 'authn.rejects-bad-tokens'))), explain(withHeader)).toEqual(
        new Set(['pass']),
      );
      expect(outcomes(withHeader, 'authz.admin'), explain(withHeader)).toEqual(
        Object.fromEntries(admins.map((l) => [l, 'pass'])),
      );
    },
  );

  it(
    'errors as {"error"} with 400 for everything: deviations only, no security finding',
    { timeout: 300_000 },
    async () => {
      const result = await against({ errorsAs400: true }, { only: ['authn.rejects-bad-tokens', 'authz.owner'] });
      expect(new Set(Object.values(outcomes(result, 'authn.rejects-bad-tokens'))), explain(result)).toEqual(
        new Set(['fail-deviation']),
      );
      expect(new Set(Object.values(outcomes(result, 'authz.owner'))), explain(result)).toEqual(
        new Set(['fail-deviation']),
      );
      expect(
        result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings)).filter((f) => f.severity === 'security'),
      ).toEqual([]);
    },
  );

  it(
    'behaviour 9: a consumer with no observable effect: every event check says the same',
    { timeout: 300_000 },
    async () => {
      const result = await against(
        { emptyReads: [{ path: /^\/api\/notifications$/, items: '/notifications' }] },
        { only: ['events.consumer-idempotency', 'events.dlq'], kafkaBrokers: reference.kafkaBrokers },
      );
      const messages = (id: string) =>
        Object.entries(outcomes(result, id)).filter(([l]) => l.startsWith('messages.created'));
      const posts = (id: string) => Object.entries(outcomes(result, id)).filter(([l]) => l.startsWith('posts.created'));
      for (const id of ['events.consumer-idempotency', 'events.dlq']) {
        expect(
          messages(id).map(([, o]) => o),
          explain(result),
        ).toEqual(['fail-deviation']);
        expect(
          posts(id).map(([, o]) => o),
          explain(result),
        ).toEqual(['pass']);
        expect(received(result, id)).toEqual([
          'the consumer has no observable effect: nothing else about it can be judged',
        ]);
      }
    },
  );

  it(
    'behaviour 2: a target that goes down mid-run: errors and blocked targets with their cause, no verdict, no crash',
    { timeout: 300_000 },
    async () => {
      const result = await against({ dieAfter: 60 }, { only: ['authn'] });
      const ran = result.checks.flatMap((c) => c.targets.filter((t) => t.status !== 'skipped'));
      const down = ran.filter((t) => t.status !== 'pass');
      expect(down.length).toBeGreaterThan(0);
      for (const t of down) {
        expect(['error', 'blocked'], `${t.label}: ${t.status}: ${t.reason}`).toContain(t.status);
        expect(t.reason).toMatch(/the target is unreachable|the target closed the connection/);
      }
      expect(exitVerdict(result).code).toBe(2);
    },
  );

  it(
    'behaviour 2: a broker that is down: the event checks error with the cause, the run ends with a report',
    { timeout: 300_000 },
    async () => {
      const result = await runConformance({
        baseUrl: reference.target.baseUrl,
        jwtSecret: reference.jwtSecret,
        kafkaBrokers: ['127.0.0.1:1'],
        only: ['events'],
      });
      const ran = result.checks.flatMap((c) => c.targets.filter((t) => t.status !== 'skipped'));
      expect(ran.length).toBeGreaterThan(0);
      for (const t of ran) {
        expect(t.status, `${t.label}: ${t.reason}`).toBe('error');
        expect(t.reason).toMatch(/ECONNREFUSED|Connection error|broker/i);
        expect(t.reason).not.toMatch(/\n\s+at /);
      }
      expect(exitVerdict(result).code).toBe(2);
    },
  );
});
