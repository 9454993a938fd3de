import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import { exitVerdict, type RunResult } from '../../src/engine/findings.ts';
import { selectChecks } from '../../src/engine/select.ts';
import { proveForeign, proveText } from '../../src/prove.ts';
import { foreignVerdictProblems, runForeignFixture, type ForeignFixture } from '../../src/prove-foreign.ts';
import { startReference, type StartedReference } from '../../src/reference.ts';
import { runConformance, type ConformanceOptions } from '../../src/run.ts';
import { consoleReport } from '../../src/reporters/console.ts';
import { explain } from '../harness/expect-run.ts';
import { expectReadmeForeign } from '../harness/readme-matrix.ts';
import { FOREIGN_FIXTURES } from './fixtures.ts';
import { startForeignGateway, type ForeignBehaviour } from './foreign-gateway.ts';
import { outcomes, reasonOf, received } from './verdicts.ts';

/**
 * Foreign-style fixtures: the reference behind a gateway that behaves like another team's implementation
 * (foreign-gateway.ts, after ../shared/system-under-review.md). fixtures.ts states the exact verdict of every target
 * of the checks each behaviour affects (zero false positives, zero false negatives); `conformance prove` holds each
 * fixture to it, and so does each test here, with what a verdict cannot say (observations, severities, exit codes).
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

/** An authz.owner target that passes against every foreign-style fixture but errors-as-400. */
const ALTERED_PASSING = 'DELETE /api/media/{key}';

const securityFindings = (result: RunResult) =>
  result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings)).filter((f) => f.severity === 'security');

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

/** What each fixture's run shows beyond its stated verdicts. */
const ALSO: Record<string, (result: RunResult) => void> = {
  'missing-and-redirect': (result) => {
    const matrix = result.observations.filter((o) => o.kind === 'token-matrix');
    expect(matrix.filter((o) => o.data.outcome === 'accepted' && o.data.variant !== 'valid')).toEqual([]);
    expect(matrix.filter((o) => o.data.operationId === 'createTestNotification').map((o) => o.data.outcome)).toEqual(
      Array(13).fill('not-implemented'),
    );
    expect(securityFindings(result)).toEqual([]);
    expect(exitVerdict(result).code).toBe(1);
  },
  'no-op-writes': (result) =>
    expect(received(result, 'authz.owner')).toEqual([
      expect.stringMatching(/^200, but nothing the owner reads changed \(no observable effect\)/),
    ]),
  '429-beyond-budget': (result) => {
    expect(received(result, 'authz.chat-membership')).toEqual([]);
    expect(exitVerdict(result).code).toBe(2);
    expect(exitVerdict(result).why).toMatch(/^\d+ rate-limited targets$/);
  },
  'required-claim': (result) => {
    const cells = result.observations.filter((o) => o.kind === 'token-matrix');
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map((o) => o.data.outcome))).toEqual(new Set(['blocked']));
  },
  'errors-as-400': (result) => expect(securityFindings(result)).toEqual([]),
  'consumer-without-effect': (result) => {
    for (const id of ['events.consumer-idempotency', 'events.dlq'])
      expect(received(result, id)).toEqual([
        'the consumer has no observable effect: nothing else about it can be judged',
      ]);
  },
};

describe('foreign-style targets get the verdicts fixtures.ts states (the ones conformance prove holds them to)', () => {
  for (const fixture of FOREIGN_FIXTURES) {
    it(`${fixture.id}: ${fixture.behaves}`, { timeout: 300_000 }, async () => {
      // prove's concurrency (the CLI's default): targets sharing a pool user run at once, as they do there
      const result = (await runForeignFixture(fixture, reference, CHECKS, 8))!;
      expect(foreignVerdictProblems(fixture, result), explain(result)).toEqual([]);
      ALSO[fixture.id]?.(result);
      expectReadmeForeign(fixture, result);
    });
  }

  it('states verdicts only for checks that exist, and each extra assertion belongs to a fixture', () => {
    for (const f of FOREIGN_FIXTURES)
      for (const id of Object.keys(f.expect)) expect(CHECKS.map((c) => c.id)).toContain(id);
    for (const id of Object.keys(ALSO)) expect(FOREIGN_FIXTURES.map((f) => f.id)).toContain(id);
    expect(new Set(FOREIGN_FIXTURES.map((f) => f.id)).size).toBe(FOREIGN_FIXTURES.length);
  });

  it(
    'prove reports a verdict that differs from the stated one: a false positive, a false negative, a target that never ran',
    { timeout: 300_000 },
    async () => {
      const noOp = FOREIGN_FIXTURES.find((f) => f.id === 'no-op-writes')!;
      const altered: ForeignFixture = {
        ...noOp,
        expect: {
          'authz.owner': {
            targets: [
              // really fail-deviation (the no-op write), really pass, and a label no target has
              { target: 'POST /api/notifications/{notification_id}/read', outcome: 'pass' },
              { target: ALTERED_PASSING, outcome: 'fail-security' },
              { target: 'GET /api/nowhere', outcome: 'pass' },
            ],
            others: 'pass',
          },
        },
      };
      const proved = await proveForeign([altered], selectChecks(CHECKS, ['authz.owner']), { concurrency: 8 });
      expect(proved.problems).toEqual([
        `no-op-writes: authz.owner ${ALTERED_PASSING} is pass, stated fail-security (false negative)`,
        'no-op-writes: authz.owner POST /api/notifications/{notification_id}/read is fail-deviation, stated pass (false positive)',
        'no-op-writes: authz.owner has no target GET /api/nowhere (stated pass)',
      ]);
      const text = proveText({ columns: [], rows: [], notRun: [], runs: {}, ...proved });
      expect(text).toContain(
        '3 problem(s):\n  - no-op-writes: authz.owner DELETE /api/media/{key} is pass, stated fail-security (false negative)\n',
      );
      expect(text).toMatch(
        /\n {2}no-op-writes authz\.owner fail-deviation: POST \/api\/notifications\/\{notification_id\}\/read: 200, but nothing the owner reads changed/,
      );
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
