import { expect } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import { defectsOf } from '../../src/engine/check.ts';
import type { RunResult, Status } from '../../src/engine/findings.ts';

/** Check ids with a given status, sorted. */
export function withStatus(result: RunResult, status: Status): string[] {
  return result.checks
    .filter((c) => c.status === status)
    .map((c) => c.id)
    .sort();
}

/** The checks tagged `defect:<id>`, sorted: exactly these must fail against that defect's fixture. */
export function taggedFor(defect: string): string[] {
  return CHECKS.filter((c) => defectsOf(c).includes(defect))
    .map((c) => c.id)
    .sort();
}

/** A readable dump of what went wrong, for assertion messages. */
export function explain(result: RunResult): string {
  return result.checks
    .filter((c) => c.status !== 'pass' && c.status !== 'skipped')
    .flatMap((c) =>
      c.targets
        .filter((t) => t.status !== 'pass' && t.status !== 'skipped')
        .slice(0, 3)
        .map(
          (t) =>
            `${c.id} ${t.label}: ${t.status} ${t.reason?.split('\n')[0] ?? ''} ${t.findings[0]?.message.replace(/\n/g, ' | ') ?? ''}`,
        ),
    )
    .join('\n');
}

/** Every selected check passes (nothing failed, blocked or errored). */
export function expectAllPass(result: RunResult): void {
  const bad = result.checks
    .filter((c) => c.status !== 'pass' && c.status !== 'skipped')
    .map((c) => `${c.id}: ${c.status}`);
  expect(bad, explain(result)).toEqual([]);
}
