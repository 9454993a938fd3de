import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/run.ts';
import type { DefectFixture } from '../defects/fixture.ts';
import { explain, taggedFor, withStatus } from './expect-run.ts';
import { expectReadmeColumn } from './readme-matrix.ts';

/**
 * The proof for one defect: against the reference with exactly that deviation, the suite fails exactly the checks
 * tagged `defect:<id>`, every failure of those checks is reported with a clause and a reproduction, nothing errors,
 * and every check's outcome is the fixture's column of README.md's prove matrix (the run is prove's for that column).
 */
export function describeDefect(fixture: DefectFixture, expectations: { security?: boolean } = {}): void {
  describe(`${fixture.id} ${fixture.slug}: ${fixture.reproduces}`, () => {
    it(`fails exactly the checks tagged defect:${fixture.id}`, { timeout: 300_000 }, async () => {
      const result = await runConformance({ variant: fixture.variant, concurrency: 8 });
      expect(withStatus(result, 'fail'), explain(result)).toEqual(taggedFor(fixture.id));
      expect(withStatus(result, 'error'), explain(result)).toEqual([]);
      const findings = result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings));
      for (const f of findings) {
        expect(f.clause?.id).toMatch(/^SN-/);
        // HTTP findings reproduce with curl (a bad token's after a comment saying what it is, and the shell line that
        // rebuilds it when it is signed with the platform key); event findings with a kcat pipeline.
        expect(f.exchange?.curl).toMatch(/^(#[^\n]*\n)*(TOKEN=[^\n]*\n)?curl |\| kcat /);
      }
      if (expectations.security !== undefined)
        expect(findings.some((f) => f.severity === 'security')).toBe(expectations.security);
      expectReadmeColumn(result, fixture.id);
    });
  });
}
