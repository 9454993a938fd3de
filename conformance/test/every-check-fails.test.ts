import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.ts';
import { defectsOf, type AnyCheck } from '../src/engine/check.ts';
import { DEFECTS } from './defects/index.ts';
import { FOREIGN_CASES } from './foreign/failing-cases.ts';

/**
 * A check no test sees fail proves nothing. Each check must fail somewhere: against a defect fixture it is tagged for
 * (`defect:Dn` / `defect:Xn`, asserted by the D* suites, mutations.test.ts and `conformance prove`), or against a
 * foreign case that names it (foreign/failing-cases.test.ts).
 */
export function failingCases(checks: AnyCheck[], fixtures: Array<{ id: string }>, foreign: Array<{ name: string; fails: string[] }>): Map<string, string[]> {
  const out = new Map(checks.map((c) => [c.id, [] as string[]]));
  for (const check of checks) {
    for (const defect of defectsOf(check)) if (fixtures.some((f) => f.id === defect)) out.get(check.id)!.push(defect);
  }
  for (const c of foreign) for (const id of c.fails) out.get(id)?.push(c.name);
  return out;
}

const uncovered = (cases: Map<string, string[]>) => [...cases].filter(([, where]) => where.length === 0).map(([id]) => id);

describe('every check has a case in which it fails', () => {
  it('each registered check is tagged for a defect fixture or named by a foreign case', () => {
    expect(uncovered(failingCases(CHECKS, DEFECTS, FOREIGN_CASES))).toEqual([]);
  });

  it('a foreign case names only registered checks', () => {
    const ids = new Set(CHECKS.map((c) => c.id));
    expect(FOREIGN_CASES.flatMap((c) => c.fails).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reports a check with no failing case, and one tagged for a fixture that does not exist', () => {
    const check = (id: string, tags: string[]) => ({ ...CHECKS[0]!, id, tags });
    const cases = failingCases(
      [check('authz.lonely', ['authz']), check('authz.ghost', ['authz', 'defect:X99']), check('authz.tagged', ['authz', 'defect:X1']), check('contract.foreign', ['contract'])],
      [{ id: 'X1' }],
      [{ name: 'some-server', fails: ['contract.foreign'] }],
    );
    expect(uncovered(cases)).toEqual(['authz.lonely', 'authz.ghost']);
    expect(cases.get('authz.tagged')).toEqual(['X1']);
    expect(cases.get('contract.foreign')).toEqual(['some-server']);
  });
});
