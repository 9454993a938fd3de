import type { RunResult } from '../engine/findings.ts';

/** The whole run, machine-readable (the other reporters are views of this). */
export function jsonReport(result: RunResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
