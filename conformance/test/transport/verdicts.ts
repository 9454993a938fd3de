import type { RunResult } from '../../src/engine/findings.ts';

/** Every check's outcome and every target's, as "check: status" and "check › target: status" lines. */
export function verdicts(result: RunResult): string[] {
  return result.checks
    .flatMap((c) => [`${c.id}: ${c.status}`, ...c.targets.map((t) => `${c.id} › ${t.label}: ${t.status}`)])
    .sort();
}
