import { CHECKS } from './checks/index.ts';
import { defectsOf } from './engine/check.ts';
import type { RunResult, Status } from './engine/findings.ts';
import { selectChecks } from './engine/select.ts';
import { runConformance } from './run.ts';

export interface ProveResult {
  columns: string[];
  rows: Array<{ id: string; defects: string[]; cells: Record<string, Status> }>;
  /** Every way the matrix differs from "the reference passes; each fixture fails exactly its tagged checks". */
  problems: string[];
  /** Tagged checks that were not selected (e.g. they need --kafka-brokers): not proven by this run. */
  notRun: string[];
  runs: Record<string, RunResult>;
}

export interface ProveOptions {
  split?: boolean;
  only?: string[];
  skip?: string[];
  concurrency?: number;
  onRun?: (column: string, result: RunResult) => void;
}

/**
 * Test the tests: runs the selected checks against the reference and against each defect fixture (the reference
 * with one deviation of the original), and compares the failing checks with the `defect:*` tags.
 */
export async function proveMatrix(options: ProveOptions = {}): Promise<ProveResult> {
  const { DEFECTS } = await import('../test/defects/index.ts').catch((error: Error) => {
    throw new Error(
      `prove runs in the socialnet-contracts repository: it needs the reference implementation and its defect fixtures (${error.message})`,
    );
  });
  const checks = selectChecks(CHECKS, options.only, options.skip);
  const columns = ['reference', ...DEFECTS.map((d) => d.id)];
  const runs: Record<string, RunResult> = {};
  for (const column of columns) {
    const fixture = DEFECTS.find((d) => d.id === column);
    runs[column] = await runConformance({
      checks,
      split: options.split,
      variant: fixture?.variant,
      concurrency: options.concurrency,
    });
    options.onRun?.(column, runs[column]);
  }
  const problems: string[] = [];
  const skipped = new Set<string>();
  const rows = checks.map((check) => {
    const cells: Record<string, Status> = {};
    for (const column of columns) {
      const status = runs[column]!.checks.find((c) => c.id === check.id)!.status;
      cells[column] = status;
      const tagged = defectsOf(check).includes(column);
      if (column === 'reference' && status !== 'pass' && status !== 'skipped')
        problems.push(`${check.id} is ${status} against the reference`);
      else if (tagged && status === 'skipped')
        skipped.add(`${check.id} (${runs[column]!.checks.find((c) => c.id === check.id)!.reason})`);
      else if (tagged && status !== 'fail')
        problems.push(`${check.id} is tagged defect:${column} but is ${status} against fixture ${column}`);
      else if (!tagged && column !== 'reference' && (status === 'fail' || status === 'error'))
        problems.push(`${check.id} is ${status} against fixture ${column}, which it is not tagged for`);
    }
    return { id: check.id, defects: defectsOf(check), cells };
  });
  for (const d of DEFECTS) {
    if (!checks.some((c) => defectsOf(c).includes(d.id))) problems.push(`no selected check is tagged defect:${d.id}`);
  }
  return { columns, rows, problems, notRun: [...skipped], runs };
}

export const MARK: Record<Status, string> = {
  pass: 'pass',
  fail: 'FAIL',
  'not-implemented': 'not-impl',
  'rate-limited': 'rate-lim',
  blocked: 'blocked',
  skipped: '–',
  error: 'ERROR',
};

/** Why each ERROR, blocked, rate-limited or not-implemented cell is what it is (its first such target's cause). */
export function cellReasons(result: ProveResult): string[] {
  const out: string[] = [];
  for (const row of result.rows) {
    for (const column of result.columns) {
      const status = row.cells[column]!;
      if (status === 'pass' || status === 'fail' || status === 'skipped') continue;
      const check = result.runs[column]?.checks.find((c) => c.id === row.id);
      const target = check?.targets.find((t) => t.status === status);
      out.push(
        `${row.id} ${MARK[status]} on ${column}: ${target ? `${target.label}: ${(target.reason ?? '').split('\n')[0]}` : (check?.reason ?? '')}`,
      );
    }
  }
  return out;
}

/** The check × fixture matrix as text; `*` marks the cells where the check must fail. */
export function proveText(result: ProveResult): string {
  const header = ['check', ...result.columns];
  const lines = result.rows.map((r) => [
    r.id,
    ...result.columns.map((c) => `${MARK[r.cells[c]!]}${r.defects.includes(c) ? '*' : ''}`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  const out = [
    fmt(header),
    ...lines.map(fmt),
    '',
    '* = the check is tagged for this defect and must fail against its fixture',
  ];
  const reasons = cellReasons(result);
  if (reasons.length)
    out.push('', 'why (the first target of each cell that is not pass or FAIL):', ...reasons.map((r) => `  ${r}`));
  if (result.notRun.length) out.push(`not run here, so not proven by this matrix: ${result.notRun.join('; ')}`);
  out.push(
    result.problems.length
      ? `\n${result.problems.length} problem(s):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`
      : '\nEvery defect is caught by exactly its tagged checks; the reference passes.',
  );
  return `${out.join('\n')}\n`;
}
