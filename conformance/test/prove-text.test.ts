import { describe, expect, it } from 'vitest';
import type { CheckResult, RunResult, Status, TargetResult } from '../src/engine/findings.ts';
import { proveText, type ProveResult } from '../src/prove.ts';
import { foreignRows, foreignVerdictProblems, type ForeignFixture } from '../src/prove-foreign.ts';

const target = (label: string, status: Status, reason?: string): TargetResult => ({
  label,
  status,
  reason,
  findings: [],
  durationMs: 1,
});
const run = (checks: CheckResult[]): RunResult => ({
  tool: { name: 'socialnet-conformance', version: '0' },
  startedAt: '2026-12-07T00:00:00Z',
  durationMs: 1,
  target: { services: {}, startedReference: true },
  checks,
  observations: [],
  specFiles: [],
});
const check = (id: string, status: Status, targets: TargetResult[]): CheckResult => ({
  id,
  title: id,
  tags: [],
  clause: 'SN-X',
  status,
  targets,
});

describe('conformance prove explains its cells', () => {
  it('says why an ERROR, blocked, rate-limited or not-implemented cell is what it is, from its first such target', () => {
    const result: ProveResult = {
      columns: ['reference', 'D1'],
      rows: [
        { id: 'contract.response-schema', defects: [], cells: { reference: 'pass', D1: 'error' } },
        { id: 'feed.order', defects: [], cells: { reference: 'pass', D1: 'blocked' } },
        { id: 'events.dlq', defects: ['D1'], cells: { reference: 'pass', D1: 'fail' } },
      ],
      problems: ['contract.response-schema is error against fixture D1, which it is not tagged for'],
      notRun: [],
      foreign: [],
      foreignRuns: {},
      foreignNotRun: [],
      runs: {
        reference: run([]),
        D1: run([
          check('contract.response-schema', 'error', [
            target('POST /api/users', 'pass'),
            target(
              'GET /api/feed',
              'error',
              'GET http://127.0.0.1:1/api/feed: no answer within 10000 ms (no answer in time: try a larger --timeout)\n    at stack',
            ),
          ]),
          check('feed.order', 'blocked', [target('home feed', 'blocked', 'could not create test user owner: 503')]),
          check('events.dlq', 'fail', [target('posts.created', 'fail')]),
        ]),
      },
    };
    const text = proveText(result);
    expect(text).toContain('why (the first target of each cell that is not pass or FAIL):');
    expect(text).toContain(
      '  contract.response-schema ERROR on D1: GET /api/feed: GET http://127.0.0.1:1/api/feed: no answer within 10000 ms (no answer in time: try a larger --timeout)\n',
    );
    expect(text).toContain('  feed.order blocked on D1: home feed: could not create test user owner: 503\n');
    expect(text).not.toMatch(/events\.dlq \S+ on D1/);
    expect(text).not.toContain('at stack');
    expect(text).toContain(
      '1 problem(s):\n  - contract.response-schema is error against fixture D1, which it is not tagged for',
    );
  });
});

describe('conformance prove holds each foreign-style target to its stated verdict', () => {
  const fixture: ForeignFixture = {
    id: 'f',
    behaves: 'a foreign target',
    start: () => Promise.reject(new Error('not started in this test')),
    expect: {
      'authz.owner': {
        targets: [
          { target: 'POST /a', outcome: 'fail-deviation' },
          { target: /^GET /, outcome: 'blocked', reason: /^valid token refused/ },
        ],
        others: 'pass',
      },
      'authn.rejects-bad-tokens': { others: 'pass' },
    },
  };
  const security = { severity: 'security' } as never;

  it('names false positives, false negatives, wrong severities, wrong reasons, and what never ran', () => {
    const result = run([
      check('authz.owner', 'fail', [
        { ...target('POST /a', 'fail'), findings: [security] },
        target('GET /b', 'blocked', 'could not create test user owner: 503'),
        { ...target('DELETE /c', 'fail'), findings: [security] },
        target('DELETE /d', 'pass'),
        target('DELETE /e', 'skipped'),
      ]),
      check('authn.rejects-bad-tokens', 'skipped', [target('GET /x', 'skipped')]),
    ]);
    expect(foreignVerdictProblems(fixture, result)).toEqual([
      'f: authz.owner DELETE /c is fail-security, stated pass (false positive)',
      'f: authz.owner GET /b is blocked as stated, but its reason does not match /^valid token refused/: could not create test user owner: 503',
      'f: authz.owner POST /a is fail-security, stated fail-deviation (wrong severity)',
      'f: authn.rejects-bad-tokens ran no target (every target skipped)',
    ]);
    const passing = run([check('authz.owner', 'pass', [target('POST /a', 'pass'), target('DELETE /d', 'pass')])]);
    expect(foreignVerdictProblems(fixture, passing)).toEqual([
      'f: authz.owner POST /a is pass, stated fail-deviation (false negative)',
      'f: authz.owner has no target /^GET / (stated blocked)',
    ]);
    expect(foreignRows(fixture, result)[0]).toEqual({
      fixture: 'f',
      check: 'authz.owner',
      cell: 'fail',
      outcomes: ['fail-security', 'blocked', 'pass'],
    });
  });
});
