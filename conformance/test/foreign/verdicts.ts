import { outcomeOf, type Outcome, type RunResult } from '../../src/engine/findings.ts';

// Helpers for reading a run in a test. The foreign-style fixtures' stated verdicts are in fixtures.ts (read by prove).

/** label → outcome of every target of one check that ran (skipped ones left out). */
export function outcomes(result: RunResult, checkId: string): Record<string, Outcome> {
  const check = result.checks.find((c) => c.id === checkId);
  if (!check) throw new Error(`${checkId} was not run`);
  return Object.fromEntries(check.targets.filter((t) => t.status !== 'skipped').map((t) => [t.label, outcomeOf(t)]));
}

/** Every finding's `received` text of one check. */
export function received(result: RunResult, checkId: string): string[] {
  return result.checks.find((c) => c.id === checkId)!.targets.flatMap((t) => t.findings.map((f) => f.received));
}
