import { CHECKS } from './checks/index.ts';
import { defectsOf, type AnyCheck } from './engine/check.ts';
import type { RunResult, Status } from './engine/findings.ts';
import { selectChecks } from './engine/select.ts';
import { runConformance } from './run.ts';
import {
  foreignRows,
  foreignVerdictProblems,
  runForeignFixture,
  whyOutcome,
  type ForeignFixture,
  type ForeignRow,
} from './prove-foreign.ts';
import { startReference } from './reference.ts';

export interface ProveResult {
  columns: string[];
  rows: Array<{ id: string; defects: string[]; cells: Record<string, Status> }>;
  /** Every way the matrix differs from "the reference passes; each fixture fails exactly its tagged checks". */
  problems: string[];
  /** Tagged checks that were not selected (e.g. they need --kafka-brokers): not proven by this run. */
  notRun: string[];
  runs: Record<string, RunResult>;
  /** The foreign-style fixtures' rows: one per fixture and selected check it states verdicts for. */
  foreign: ForeignRow[];
  foreignRuns: Record<string, RunResult>;
  /** Foreign-style fixtures none of whose checks was selected. */
  foreignNotRun: string[];
}

export interface ProveOptions {
  split?: boolean;
  only?: string[];
  skip?: string[];
  concurrency?: number;
  onRun?: (column: string, result: RunResult) => void;
}

/** The repository's fixtures: prove imports them only when it runs, so the published package does without them. */
async function repositoryFixtures() {
  try {
    const [{ DEFECTS }, { FOREIGN_FIXTURES }] = await Promise.all([
      import('../test/defects/index.ts'),
      import('../test/foreign/fixtures.ts'),
    ]);
    return { DEFECTS, FOREIGN_FIXTURES };
  } catch (error) {
    throw new Error(
      `prove runs in the socialnet-contracts repository: it needs the reference implementation, its defect fixtures and its foreign-style fixtures (${(error as Error).message})`,
    );
  }
}

/**
 * Test the tests: runs the selected checks against the reference and against each defect fixture (the reference
 * with one deviation of the original), and compares the failing checks with the `defect:*` tags; then runs each
 * foreign-style fixture (the reference behind a gateway that behaves like another team's implementation) with the
 * selected checks it states verdicts for, and compares every target's outcome with the stated one.
 */
export async function proveMatrix(options: ProveOptions = {}): Promise<ProveResult> {
  const { DEFECTS, FOREIGN_FIXTURES } = await repositoryFixtures();
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
  const foreign = await proveForeign(FOREIGN_FIXTURES, checks, options);
  problems.push(...foreign.problems);
  return { columns, rows, notRun: [...skipped], runs, ...foreign, problems };
}

type ForeignPart = Pick<ProveResult, 'foreign' | 'foreignRuns' | 'foreignNotRun' | 'problems'>;

/** The foreign-style part of prove: one started reference, each fixture's target in front of it in turn. */
export async function proveForeign(
  fixtures: ForeignFixture[],
  checks: AnyCheck[],
  options: Pick<ProveOptions, 'concurrency' | 'onRun'> = {},
): Promise<ForeignPart> {
  const out: ForeignPart = {
    foreign: [],
    foreignRuns: {},
    foreignNotRun: [],
    problems: [],
  };
  for (const f of fixtures)
    for (const id of Object.keys(f.expect))
      if (!CHECKS.some((c) => c.id === id))
        out.problems.push(`${f.id} states verdicts for ${id}, which is not a check`);
  const selected = fixtures.filter((f) => checks.some((c) => c.id in f.expect));
  out.foreignNotRun = fixtures.filter((f) => !selected.includes(f)).map((f) => f.id);
  if (selected.length === 0) return out;
  const reference = await startReference();
  try {
    for (const fixture of selected) {
      const run = (await runForeignFixture(fixture, reference, checks, options.concurrency))!;
      out.foreignRuns[fixture.id] = run;
      options.onRun?.(fixture.id, run);
      out.foreign.push(...foreignRows(fixture, run));
      out.problems.push(...foreignVerdictProblems(fixture, run));
    }
  } finally {
    await reference.close();
  }
  return out;
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
  if (result.foreign.length) out.push('', ...foreignText(result));
  if (result.foreignNotRun.length)
    out.push(`foreign-style fixtures not run (none of their checks selected): ${result.foreignNotRun.join(', ')}`);
  out.push(
    result.problems.length
      ? `\n${result.problems.length} problem(s):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`
      : `\nEvery defect is caught by exactly its tagged checks; the reference passes.${result.foreign.length ? '\nEvery foreign-style target has exactly its stated verdict.' : ''}`,
  );
  return `${out.join('\n')}\n`;
}

/** The foreign-style fixtures' section: a row per fixture and check, then why each outcome other than pass is what it is. */
function foreignText(result: ProveResult): string[] {
  const header = ['fixture', 'check', 'cell', 'outcomes'];
  const lines = result.foreign.map((r) => [r.fixture, r.check, MARK[r.cell], r.outcomes.join(', ')]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const why = result.foreign.flatMap((r) => {
    const targets = result.foreignRuns[r.fixture]?.checks.find((c) => c.id === r.check)?.targets ?? [];
    return r.outcomes
      .filter((o) => o !== 'pass')
      .map((o) => `  ${r.fixture} ${r.check} ${o}: ${whyOutcome(targets, o)}`);
  });
  return [
    "foreign-style fixtures: the reference behind a gateway that behaves like another team's implementation, every",
    'target judged against the verdict conformance/test/foreign/fixtures.ts states for it',
    fmt(header),
    ...lines.map(fmt),
    ...(why.length ? ['', 'why (the first target of each outcome other than pass):', ...why] : []),
  ];
}
