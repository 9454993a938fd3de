import type { AnyCheck } from './engine/check.ts';
import { outcomeOf, worst, type Outcome, type RunResult, type Status, type TargetResult } from './engine/findings.ts';
import type { StartedReference } from './reference.ts';
import { runConformance, type ConformanceOptions } from './run.ts';

/** The outcome the targets a rule names must have, and optionally what their reason says. */
export interface TargetVerdict {
  /** A target label (exact) or a pattern of labels. */
  target: string | RegExp;
  outcome: Outcome;
  reason?: RegExp;
}

/** The verdict of every target of one check: the first rule naming a target decides, `others` the rest. */
export interface CheckVerdict {
  targets?: TargetVerdict[];
  others: Outcome;
}

/**
 * A target that behaves like another team's implementation rather than like the reference: started in front of
 * (or instead of) the reference, run with exactly the checks its expectations name, each target judged against them.
 */
export interface ForeignFixture {
  id: string;
  behaves: string;
  start(reference: StartedReference): Promise<{ url: string; close(): Promise<void> }>;
  /** Run options the target needs (a token claim, an admin credential, a rate-limit budget, the broker). */
  options?(reference: StartedReference): Omit<ConformanceOptions, 'baseUrl' | 'checks' | 'only' | 'skip'>;
  /** check id → the verdict of each of its targets: zero false positives, zero false negatives. */
  expect: Record<string, CheckVerdict>;
}

export interface ForeignRow {
  fixture: string;
  check: string;
  cell: Status;
  /** The outcomes its targets had, worst first. */
  outcomes: Outcome[];
}

const OUTCOME_ORDER: Outcome[] = [
  'fail-security',
  'fail-deviation',
  'error',
  'blocked',
  'rate-limited',
  'not-implemented',
  'pass',
];

/** Runs one fixture with the selected checks among those it states verdicts for; undefined when none is selected. */
export async function runForeignFixture(
  fixture: ForeignFixture,
  reference: StartedReference,
  selected: AnyCheck[],
  concurrency?: number,
): Promise<RunResult | undefined> {
  const checks = selected.filter((c) => c.id in fixture.expect);
  if (checks.length === 0) return undefined;
  const target = await fixture.start(reference);
  try {
    return await runConformance({
      jwtSecret: reference.jwtSecret,
      concurrency,
      ...fixture.options?.(reference),
      baseUrl: target.url,
      checks,
    });
  } finally {
    await target.close();
  }
}

const byLabel = (targets: TargetResult[]) => [...targets].sort((a, b) => a.label.localeCompare(b.label));

const matches = (rule: TargetVerdict, label: string) =>
  typeof rule.target === 'string' ? rule.target === label : rule.target.test(label);

function kind(expected: Outcome, got: Outcome): string {
  const failed = (o: Outcome) => o.startsWith('fail-');
  if (failed(expected) && !failed(got)) return 'false negative';
  if (failed(got) && !failed(expected)) return 'false positive';
  if (failed(got)) return 'wrong severity';
  return 'wrong verdict';
}

/** Every way a run differs from the fixture's stated verdicts, target by target (grouped, a few labels named). */
export function foreignVerdictProblems(fixture: ForeignFixture, result: RunResult): string[] {
  const problems: string[] = [];
  const name = (labels: string[]) =>
    `${labels.slice(0, 3).join(', ')}${labels.length > 3 ? `, … (${labels.length} targets)` : ''}`;
  for (const check of result.checks) {
    const verdict = fixture.expect[check.id];
    if (!verdict) continue;
    // by label: targets finish in any order, the problems are listed in one
    const ran = byLabel(check.targets.filter((t) => t.status !== 'skipped'));
    if (ran.length === 0) {
      problems.push(`${fixture.id}: ${check.id} ran no target (${check.reason ?? 'every target skipped'})`);
      continue;
    }
    const wrong = new Map<string, string[]>();
    const used = new Set<TargetVerdict>();
    for (const t of ran) {
      const rule = verdict.targets?.find((r) => matches(r, t.label));
      if (rule) used.add(rule);
      const expected = rule?.outcome ?? verdict.others;
      const got = outcomeOf(t);
      if (got !== expected) {
        const key = `is ${got}, stated ${expected} (${kind(expected, got)})`;
        wrong.set(key, [...(wrong.get(key) ?? []), t.label]);
      } else if (rule?.reason && !rule.reason.test(t.reason ?? '')) {
        const key = `is ${got} as stated, but its reason does not match ${rule.reason}: ${(t.reason ?? '').split('\n')[0]}`;
        wrong.set(key, [...(wrong.get(key) ?? []), t.label]);
      }
    }
    for (const [what, labels] of wrong) problems.push(`${fixture.id}: ${check.id} ${name(labels)} ${what}`);
    for (const rule of verdict.targets ?? [])
      if (!used.has(rule))
        problems.push(`${fixture.id}: ${check.id} has no target ${rule.target} (stated ${rule.outcome})`);
  }
  return problems;
}

/** One row per check the fixture ran: its cell as the matrix prints it and the outcomes its targets had. */
export function foreignRows(fixture: ForeignFixture, result: RunResult): ForeignRow[] {
  return result.checks
    .filter((c) => c.id in fixture.expect)
    .map((c) => {
      const ran = c.targets.filter((t) => t.status !== 'skipped');
      const seen = new Set(ran.map(outcomeOf));
      return {
        fixture: fixture.id,
        check: c.id,
        cell: worst(ran.map((t) => t.status)),
        outcomes: OUTCOME_ORDER.filter((o) => seen.has(o)),
      };
    });
}

/** The first target (by label) with that outcome, and why it has it (its reason, or what a failure received). */
export function whyOutcome(targets: TargetResult[], outcome: Outcome): string {
  const t = byLabel(targets).find((x) => x.status !== 'skipped' && outcomeOf(x) === outcome);
  if (!t) return '';
  const why = outcome.startsWith('fail-') ? (t.findings[0]?.received ?? t.reason) : t.reason;
  return `${t.label}: ${(why ?? '').split('\n')[0]}`;
}
