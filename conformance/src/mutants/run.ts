import { CHECKS } from '../checks/index.ts';
import type { AnyCheck } from '../engine/check.ts';
import type { RunOptions } from '../engine/context.ts';
import type { RunResult, Status } from '../engine/findings.ts';
import { runPool } from '../engine/pool.ts';
import { runChecks } from '../engine/runner.ts';
import { selectChecks } from '../engine/select.ts';
import { openReferenceHost, startReference, type StartedReference } from '../reference.ts';
import type { Spec } from '../spec/load.ts';
import { FAMILIES, readGuarantees, type Family, type Guarantee } from './guarantees.ts';
import type { Mutant } from './mutant.ts';

export type { Mutant } from './mutant.ts';

/** A guarantee and the variant of the reference that removes it (none: no variant can). */
export type MutantStatus = 'killed' | 'survived' | 'equivalent' | 'not-mutable' | 'error';

export interface MutantResult {
  id: string;
  family: Family;
  statement: string;
  location: string;
  status: MutantStatus;
  /** The checks with a failing target. */
  killedBy: string[];
  /** Every selected check's status against the mutant. */
  checks: Array<{ id: string; status: Status; targets: number }>;
  equivalent?: string;
  reason?: string;
  seconds: number;
}

export interface MutantsReport {
  mutants: number;
  killed: number;
  equivalent: number;
  survived: number;
  /** Guarantees the specs state that no variant can remove (not counted in `mutants`). */
  notMutable: string[];
  errors: number;
  byFamily: Record<string, { mutants: number; killed: number; equivalent: number; survived: number; score: number }>;
  /** killed / (mutants − equivalent). */
  score: number;
  /** Every way the run is not "each mutant killed or equivalent as listed". */
  problems: string[];
  results: MutantResult[];
  seconds: number;
}

export interface MutantsOptions {
  only?: string[];
  skip?: string[];
  /** Mutant ids or families to run (default: all). */
  mutants?: string[];
  /** Mutants run at once, each on its own started reference. */
  parallel?: number;
  /** Check targets at once within a mutant. */
  concurrency?: number;
  specPath?: string;
  onMutant?: (result: MutantResult, done: number, total: number) => void;
}

/** A check target touches a mutant when it is the mutated operation (OpenAPI or AsyncAPI) or reads its feed. */
export function touches(target: unknown, operationId: string): boolean {
  const t = target as {
    operationId?: string;
    read?: { operationId?: string };
    decl?: { read?: { operationId?: string } };
  };
  return (
    t?.operationId === operationId || t?.read?.operationId === operationId || t?.decl?.read?.operationId === operationId
  );
}

/** The checks restricted to the targets that touch an operation; checks with no such target are left out. */
export function checksTouching(checks: AnyCheck[], spec: Spec, operationId: string): AnyCheck[] {
  return checks
    .map((check) => ({ check, targets: check.targets(spec).filter((t: unknown) => touches(t, operationId)) }))
    .filter((c) => c.targets.length > 0)
    .map(({ check, targets }) => ({ ...check, targets: () => targets }));
}

/**
 * Mutation analysis: derives one mutant per guarantee of the specs (test/mutants), runs against each only the checks
 * whose targets touch the mutated operation or channel, and classifies it killed, survived or equivalent.
 */
export async function proveMutants(options: MutantsOptions = {}): Promise<MutantsReport> {
  const started = performance.now();
  const { deriveMutants } = await import('../../test/mutants/index.ts').catch((error: Error) => {
    throw new Error(
      `prove --mutants runs in the socialnet-contracts repository: it needs the reference implementation (${error.message})`,
    );
  });
  const { spec, guarantees } = await readGuarantees(options.specPath);
  const wanted = options.mutants?.length
    ? guarantees.filter((g) => options.mutants!.some((m) => m === g.id || m === g.family || g.id.startsWith(`${m}:`)))
    : guarantees;
  const all: Mutant[] = await deriveMutants(wanted);
  const checks = selectChecks(CHECKS, options.only, options.skip);
  const runnable = all.filter((m) => m.variant);
  const results: MutantResult[] = all
    .filter((m) => !m.variant)
    .map((m) => resultOf(m, 'not-mutable', [], [], 0, 'no variant of the reference can remove this guarantee'));

  // The reference itself must pass every target a mutant is judged by, or a failure there proves nothing.
  const parallel = Math.max(1, Math.min(options.parallel ?? 2, runnable.length));
  const host = await openReferenceHost();
  try {
    return await analyse();
  } finally {
    await host.close();
  }

  async function analyse(): Promise<MutantsReport> {
    const operations = [...new Set(runnable.map((m) => m.guarantee.operationId))];
    const baseline = await runOn(
      async () => ({ ...host.base, close: async () => {} }),
      spec,
      operations.flatMap((op) => checksTouching(checks, spec, op)).filter(uniqueCheck()),
      options,
    );
    const unreliable = new Set<string>();
    for (const c of baseline.checks)
      for (const t of c.targets) if (t.status !== 'pass') unreliable.add(`${c.id} ${t.label}`);
    const problems = [...unreliable].map((t) => `the reference does not pass ${t}: it cannot judge mutants there`);

    let done = 0;
    await runPool(
      runnable.map((m) => async () => {
        const t0 = performance.now();
        const selected = checksTouching(checks, spec, m.guarantee.operationId);
        let result: MutantResult;
        if (selected.length === 0)
          result = resultOf(
            m,
            m.equivalent ? 'equivalent' : 'survived',
            [],
            [],
            0,
            'no selected check has a target on this operation',
          );
        else {
          try {
            // a mutant of one service runs beside the started reference; one of the event side gets a reference of its own
            const start = m.service
              ? () => host.startService(m.service!, m.variant)
              : () => startReference({ variant: m.variant });
            const run = await runOn(start, spec, selected, options);
            // killed: a target the reference passes fails, or answers as not implemented (either makes `run` exit 1)
            const judged = (c: RunResult['checks'][number], statuses: Status[]) =>
              c.targets.some((t) => statuses.includes(t.status) && !unreliable.has(`${c.id} ${t.label}`));
            const killedBy = run.checks.filter((c) => judged(c, ['fail', 'not-implemented'])).map((c) => c.id);
            // a blocked or erroring target judged nothing: without a kill, the mutant is not shown to survive either
            const unjudged = run.checks
              .filter((c) => judged(c, ['blocked', 'error', 'rate-limited']))
              .map((c) => `${c.id} ${c.status}`);
            const status: MutantStatus = killedBy.length
              ? 'killed'
              : unjudged.length
                ? 'error'
                : m.equivalent
                  ? 'equivalent'
                  : 'survived';
            const statuses = run.checks.map((c) => ({ id: c.id, status: c.status, targets: c.targets.length }));
            result = resultOf(
              m,
              status,
              killedBy,
              statuses,
              (performance.now() - t0) / 1000,
              status === 'error' ? `not judged: ${unjudged.join(', ')}` : undefined,
            );
          } catch (error) {
            result = resultOf(m, 'error', [], [], (performance.now() - t0) / 1000, (error as Error).message);
          }
        }
        results.push(result);
        options.onMutant?.(result, ++done, runnable.length);
      }),
      parallel,
    );
    return summarise(all, results, problems, (performance.now() - started) / 1000);
  }
}

function uniqueCheck() {
  const seen = new Map<string, AnyCheck>();
  return (c: AnyCheck) => {
    const prior = seen.get(c.id);
    if (!prior) {
      seen.set(c.id, c);
      return true;
    }
    // merge the targets of the same check over several operations into the first copy
    const a = prior.targets;
    const b = c.targets;
    prior.targets = (s: Spec) => [...a(s), ...b(s)];
    return false;
  };
}

async function runOn(
  start: () => Promise<StartedReference>,
  spec: Spec,
  checks: AnyCheck[],
  options: MutantsOptions,
): Promise<RunResult> {
  const started = await start();
  try {
    const runOptions: RunOptions = {
      timeoutMs: 10_000,
      concurrency: options.concurrency ?? 8,
      jwtSecret: started.jwtSecret,
      kafkaBrokers: started.kafkaBrokers,
      eventDeadlineMs: 10_000,
    };
    return await runChecks({ spec, target: started.target, checks, options: runOptions, startedReference: true });
  } finally {
    await started.close();
  }
}

function resultOf(
  m: Mutant,
  status: MutantStatus,
  killedBy: string[],
  checks: MutantResult['checks'],
  seconds: number,
  reason?: string,
): MutantResult {
  const g = m.guarantee;
  return {
    id: g.id,
    family: g.family,
    statement: g.statement,
    location: `${g.location.file}:${g.location.line}`,
    status,
    killedBy,
    checks,
    equivalent: m.equivalent,
    reason,
    seconds,
  };
}

function summarise(all: Mutant[], results: MutantResult[], problems: string[], seconds: number): MutantsReport {
  const order = new Map(all.map((m, i) => [m.guarantee.id, i]));
  results.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const counted = results.filter((r) => r.status !== 'not-mutable');
  const count = (rs: MutantResult[], s: MutantStatus) => rs.filter((r) => r.status === s).length;
  const score = (rs: MutantResult[]) => {
    const live = rs.length - count(rs, 'equivalent');
    return live === 0 ? 1 : count(rs, 'killed') / live;
  };
  const byFamily: MutantsReport['byFamily'] = {};
  for (const family of FAMILIES) {
    const rs = counted.filter((r) => r.family === family);
    if (rs.length)
      byFamily[family] = {
        mutants: rs.length,
        killed: count(rs, 'killed'),
        equivalent: count(rs, 'equivalent'),
        survived: count(rs, 'survived'),
        score: score(rs),
      };
  }
  for (const r of results) {
    if (r.status === 'survived')
      problems.push(`mutant ${r.id} survived: no check noticed that "${r.statement}" no longer holds (${r.location})`);
    if (r.status === 'error') problems.push(`mutant ${r.id} could not be run: ${r.reason}`);
    if (r.status === 'killed' && r.equivalent)
      problems.push(
        `mutant ${r.id} is listed as equivalent but ${r.killedBy.join(', ')} killed it: the listing is wrong`,
      );
  }
  return {
    mutants: counted.length,
    killed: count(counted, 'killed'),
    equivalent: count(counted, 'equivalent'),
    survived: count(counted, 'survived'),
    errors: count(counted, 'error'),
    notMutable: results.filter((r) => r.status === 'not-mutable').map((r) => r.id),
    byFamily,
    score: score(counted.filter((r) => r.status !== 'error')),
    problems,
    results,
    seconds,
  };
}
