import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.ts';
import { defectsOf, type AnyCheck } from '../src/engine/check.ts';
import { REPO_ROOT } from '../src/spec/load.ts';
import { DEFECTS } from './defects/index.ts';
import { FOREIGN_CASES, TESTED_ELSEWHERE } from './foreign/failing-cases.ts';

interface Cases {
  fixtures: Array<{ id: string }>;
  foreign: Array<{ name: string; fails: string[] }>;
  elsewhere: Array<{ check: string; file: string; test: string }>;
}

/**
 * A check no test sees fail proves nothing. Each check must fail somewhere: against a defect fixture it is tagged for
 * (`defect:Dn` / `defect:Xn`, asserted by each fixture's own test, test/defects/<id>.test.ts, and by `conformance prove`), against a
 * foreign case that names it (foreign/failing-cases.test.ts), or in a test listed in TESTED_ELSEWHERE.
 */
export function failingCases(checks: AnyCheck[], cases: Cases): Map<string, string[]> {
  const out = new Map(checks.map((c) => [c.id, [] as string[]]));
  for (const check of checks) {
    for (const defect of defectsOf(check))
      if (cases.fixtures.some((f) => f.id === defect)) out.get(check.id)!.push(defect);
  }
  for (const c of cases.foreign) for (const id of c.fails) out.get(id)?.push(c.name);
  for (const e of cases.elsewhere) out.get(e.check)?.push(`${e.file}: ${e.test}`);
  return out;
}

const uncovered = (cases: Map<string, string[]>) =>
  [...cases].filter(([, where]) => where.length === 0).map(([id]) => id);

describe('every check has a case in which it fails', () => {
  it('each registered check is tagged for a defect fixture, named by a foreign case or tested elsewhere', () => {
    expect(
      uncovered(failingCases(CHECKS, { fixtures: DEFECTS, foreign: FOREIGN_CASES, elsewhere: TESTED_ELSEWHERE })),
    ).toEqual([]);
  });

  it('foreign cases and tests elsewhere name registered checks, and each test elsewhere exists and names its check', () => {
    const ids = new Set(CHECKS.map((c) => c.id));
    expect(
      [...FOREIGN_CASES.flatMap((c) => c.fails), ...TESTED_ELSEWHERE.map((e) => e.check)].filter((id) => !ids.has(id)),
    ).toEqual([]);
    for (const e of TESTED_ELSEWHERE) {
      const source = readFileSync(join(REPO_ROOT, e.file), 'utf8');
      const body = source.split(`it('${e.test}'`)[1];
      expect(body, `${e.file} has no test "${e.test}"`).toBeDefined();
      expect(body!.split(/\n\s*it\(/)[0], `the test "${e.test}" does not name ${e.check}`).toContain(`'${e.check}`);
    }
  });

  it('reports a check with no failing case, and one tagged for a fixture that does not exist', () => {
    const check = (id: string, tags: string[]) => ({ ...CHECKS[0]!, id, tags });
    const cases = failingCases(
      [
        check('authz.lonely', ['authz']),
        check('authz.ghost', ['authz', 'defect:X99']),
        check('authz.tagged', ['authz', 'defect:X1']),
        check('contract.foreign', ['contract']),
        check('feed.other', ['feed']),
      ],
      {
        fixtures: [{ id: 'X1' }],
        foreign: [{ name: 'some-server', fails: ['contract.foreign'] }],
        elsewhere: [{ check: 'feed.other', file: 'f.test.ts', test: 't' }],
      },
    );
    expect(uncovered(cases)).toEqual(['authz.lonely', 'authz.ghost']);
    expect(cases.get('authz.tagged')).toEqual(['X1']);
    expect(cases.get('contract.foreign')).toEqual(['some-server']);
    expect(cases.get('feed.other')).toEqual(['f.test.ts: t']);
  });
});
