import { describe, expect, it } from 'vitest';
import type { CheckResult, RunResult, Status, TargetResult } from '../src/engine/findings.ts';
import { proveText, type ProveResult } from '../src/prove.ts';

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
