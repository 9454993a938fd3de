import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitVerdict, type RunResult } from '../../src/engine/findings.ts';
import { startReference, type StartedReference } from '../../src/reference.ts';
import { runConformance, type ConformanceOptions } from '../../src/run.ts';
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

const allOther = (result: RunResult, checkId: string, except: string[]) =>
  Object.entries(outcomes(result, checkId)).filter(([label]) => !except.includes(label)).map(([, o]) => o);

describe('foreign-style targets get the verdicts they deserve', () => {
  it('behaviour 3: a missing operation is not-implemented and a redirect is a deviation, never "accepted"', { timeout: 300_000 }, async () => {
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
    expect(reasonOf(result, 'authn.rejects-bad-tokens', redirected)).toMatch(/^valid token redirected: 301 redirect to http:\/\/gateway.other.example\/friends/);
    for (const id of ['authn.accepts-valid-jwt', 'authn.rejects-bad-tokens']) {
      expect(new Set(allOther(result, id, [missing, redirected])), explain(result)).toEqual(new Set(['pass']));
    }
    const matrix = result.observations.filter((o) => o.kind === 'token-matrix');
    expect(matrix.filter((o) => o.data.outcome === 'accepted' && o.data.variant !== 'valid')).toEqual([]);
    expect(matrix.filter((o) => o.data.operationId === 'createTestNotification').map((o) => o.data.outcome)).toEqual(Array(13).fill('not-implemented'));
    expect(result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings)).filter((f) => f.severity === 'security')).toEqual([]);
    expect(exitVerdict(result).code).toBe(1);
  });

  it('behaviour 4: a write answered 200 that changes nothing is a deviation, not a breach', { timeout: 300_000 }, async () => {
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
    expect(received(result, 'authz.owner')).toEqual([expect.stringMatching(/^200, but nothing the owner reads changed \(no observable effect\)/)]);
    expect(new Set(allOther(result, 'authz.owner', [read])), explain(result)).toEqual(new Set(['pass']));
    expect(new Set(allOther(result, 'authz.chat-membership', [leave])), explain(result)).toEqual(new Set(['pass']));
    expect(new Set(Object.values(outcomes(result, 'authz.refused-write-unchanged'))), explain(result)).toEqual(new Set(['pass']));
  });

  it('behaviour 6: per-user 429s with Retry-After are waited out, never judged', { timeout: 300_000 }, async () => {
    const result = await against(
      { rateLimit: { max: 4, windowMs: 1000, retryAfterS: 1, path: /^\/api\/(chats|messages)/ } },
      { only: ['authz.chat-membership'] },
    );
    expect(new Set(Object.values(outcomes(result, 'authz.chat-membership'))), explain(result)).toEqual(new Set(['pass']));
  });

  it('behaviour 6: a 429 beyond the rate-limit budget is rate-limited, its own outcome (exit 2)', { timeout: 300_000 }, async () => {
    const result = await against(
      { rateLimit: { max: 0, windowMs: 60_000, retryAfterS: 3600, path: /^\/api\/chats\/[^/]+\/messages$/ } },
      { only: ['authz.chat-membership'], rateLimit: { perRequestMs: 5_000, perRunMs: 10_000 } },
    );
    const history = 'GET /api/chats/{chat_id}/messages';
    expect(outcomes(result, 'authz.chat-membership')[history], explain(result)).toBe('rate-limited');
    expect(reasonOf(result, 'authz.chat-membership', history)).toMatch(/429 \(Retry-After: 3600\) beyond the rate-limit budget/);
    expect(new Set(allOther(result, 'authz.chat-membership', [history])), explain(result)).toEqual(new Set(['pass']));
    expect(exitVerdict(result)).toEqual({ code: 2, why: '1 rate-limited target' });
  });

  it('behaviour 7: a required extra claim blocks the token matrix (never "refused") until --token-claim gives it', { timeout: 300_000 }, async () => {
    const without = await against({ requiredClaim: 'sh' }, { only: ['authn.rejects-bad-tokens'] });
    const cells = without.observations.filter((o) => o.kind === 'token-matrix');
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map((o) => o.data.outcome))).toEqual(new Set(['blocked']));
    for (const label of Object.keys(outcomes(without, 'authn.rejects-bad-tokens'))) {
      expect(reasonOf(without, 'authn.rejects-bad-tokens', label)).toMatch(/^valid token refused: the control request with a valid token got 401/);
    }
    const withClaim = await against({ requiredClaim: 'sh' }, { only: ['authn.rejects-bad-tokens'], tokenClaims: { sh: 0 } });
    expect(new Set(Object.values(outcomes(withClaim, 'authn.rejects-bad-tokens'))), explain(withClaim)).toEqual(new Set(['pass']));
  });

  it('behaviour 8: admin operations guarded by a static header are tested with the configured admin credential', { timeout: 300_000 }, async () => {
    const guard = { name: 'X-Admin-Token', value: 'admin-3e7f', path: /^\/api\/celebrities\/[^/]+$/, secret: reference.jwtSecret };
    const admins = ['DELETE /api/celebrities/{user_id}', 'POST /api/celebrities/{user_id}'];
    const without = await against({ adminHeader: guard }, { only: ['authn.rejects-bad-tokens', 'authz.admin'] });
    for (const label of admins) {
      expect(outcomes(without, 'authn.rejects-bad-tokens')[label]).toBe('blocked');
      expect(reasonOf(without, 'authn.rejects-bad-tokens', label)).toMatch(/^valid token refused: the control request with a valid token got 403/);
    }
    const withHeader = await against({ adminHeader: guard }, { only: ['authn.rejects-bad-tokens', 'authz.admin'], admin: { header: 'X-Admin-Token', value: 'admin-3e7f' } });
    expect(new Set(Object.values(outcomes(withHeader, 'authn.rejects-bad-tokens'))), explain(withHeader)).toEqual(new Set(['pass']));
    expect(outcomes(withHeader, 'authz.admin'), explain(withHeader)).toEqual(Object.fromEntries(admins.map((l) => [l, 'pass'])));
  });

  it('errors as {"error"} with 400 for everything: deviations only, no security finding', { timeout: 300_000 }, async () => {
    const result = await against({ errorsAs400: true }, { only: ['authn.rejects-bad-tokens', 'authz.owner'] });
    expect(new Set(Object.values(outcomes(result, 'authn.rejects-bad-tokens'))), explain(result)).toEqual(new Set(['fail-deviation']));
    expect(new Set(Object.values(outcomes(result, 'authz.owner'))), explain(result)).toEqual(new Set(['fail-deviation']));
    expect(result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings)).filter((f) => f.severity === 'security')).toEqual([]);
  });

  it('behaviour 9: a consumer with no observable effect: every event check says the same', { timeout: 300_000 }, async () => {
    const result = await against(
      { emptyReads: [{ path: /^\/api\/notifications$/, items: '/notifications' }] },
      { only: ['events.consumer-idempotency', 'events.dlq'], kafkaBrokers: reference.kafkaBrokers },
    );
    const messages = (id: string) => Object.entries(outcomes(result, id)).filter(([l]) => l.startsWith('messages.created'));
    const posts = (id: string) => Object.entries(outcomes(result, id)).filter(([l]) => l.startsWith('posts.created'));
    for (const id of ['events.consumer-idempotency', 'events.dlq']) {
      expect(messages(id).map(([, o]) => o), explain(result)).toEqual(['fail-deviation']);
      expect(posts(id).map(([, o]) => o), explain(result)).toEqual(['pass']);
      expect(received(result, id)).toEqual(['the consumer has no observable effect: nothing else about it can be judged']);
    }
  });
});
