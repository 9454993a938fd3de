import { outcomeOf, type Outcome, type RunResult } from '../../src/engine/findings.ts';

// Helpers for reading a run in a test. The foreign-style fixtures' stated verdicts are in fixtures.ts (read by prove).

/** label → outcome of every target of one check that ran (skipped ones left out). */
export function outcomes(result: RunResult, checkId: string): Record<string, Outcome> {
  const check = result.checks.find((c) => c.id === checkId);
  if (!check) throw new Error(`${checkId} was not run`);
  return Object.fromEntries(check.targets.filter((t) => t.status !== 'skipped').map((t) => [t.label, outcomeOf(t)]));
}

/** The reason of one target. */
export function reasonOf(result: RunResult, checkId: string, label: string): string {
  // Labels can repeat across services (GET /api/whoami), and the ones without a URL are skipped: take one that ran.
  const targets = result.checks.find((c) => c.id === checkId)?.targets.filter((t) => t.label === label) ?? [];
  return (targets.find((t) => t.status !== 'skipped') ?? targets[0])?.reason ?? '';
}

/** Every finding's `received` text of one check. */
export function received(result: RunResult, checkId: string): string[] {
  return result.checks.find((c) => c.id === checkId)!.targets.flatMap((t) => t.findings.map((f) => f.received));
}
