import type { Clause, SpecLocation } from '../spec/types.ts';

/**
 * A security failure means access was granted, data leaked or a bad token was accepted. A deviation means the
 * implementation refused, but with another status or shape than the spec says (the original answered 400 where
 * the spec says 403).
 */
export type Severity = 'security' | 'deviation';

/**
 * The outcome of one check target (docs/checks.md#outcomes). `fail` is told apart by its findings' severity
 * (fail-security, fail-deviation: `outcomeOf`). `not-implemented`: the operation answered 404/405/501 even with a
 * valid token. `rate-limited`: the target kept answering 429 beyond the rate-limit budget, so nothing was judged.
 */
export type Status = 'pass' | 'fail' | 'not-implemented' | 'rate-limited' | 'blocked' | 'skipped' | 'error';

/** The seven outcomes a user reads: a failure split by the severity of what it proves. */
export type Outcome =
  'pass' | 'fail-security' | 'fail-deviation' | 'not-implemented' | 'rate-limited' | 'blocked' | 'error' | 'skipped';

export const STATUSES: Status[] = ['pass', 'fail', 'not-implemented', 'rate-limited', 'blocked', 'error', 'skipped'];

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request and its response, with tokens and passwords redacted. */
export interface Exchange {
  request: RecordedRequest;
  response?: RecordedResponse;
  identity?: string;
  curl: string;
}

export interface Finding {
  checkId: string;
  severity: Severity;
  message: string;
  expected: string;
  received: string;
  operationId?: string;
  service?: string;
  clause?: Clause;
  location?: SpecLocation;
  exchange?: Exchange;
  docs: string;
}

export interface TargetResult {
  label: string;
  operationId?: string;
  service?: string;
  status: Status;
  reason?: string;
  findings: Finding[];
  durationMs: number;
}

export interface CheckResult {
  id: string;
  title: string;
  tags: string[];
  clause: string;
  status: Status;
  reason?: string;
  targets: TargetResult[];
}

export interface Observation {
  kind: string;
  data: Record<string, unknown>;
}

export interface RunResult {
  tool: { name: string; version: string };
  startedAt: string;
  durationMs: number;
  target: { baseUrl?: string; services: Record<string, string>; startedReference: boolean };
  checks: CheckResult[];
  observations: Observation[];
  specFiles: string[];
  /** Lost answers, retries and replaced set-up steps: reported so that a flaky target is visible. */
  transport?: TransportStats;
  /** 429s met, waited out, spread over other identities, and given up on (rate-limited). */
  rateLimits?: RateLimitStats;
}

const ORDER: Status[] = ['fail', 'error', 'blocked', 'rate-limited', 'not-implemented', 'pass', 'skipped'];

/** fail beats error beats blocked beats rate-limited beats not-implemented beats pass; no targets is skipped. */
export function worst(statuses: Status[]): Status {
  for (const s of ORDER) if (statuses.includes(s)) return s;
  return 'skipped';
}

export function outcomeOf(t: { status: Status; findings: Finding[] }): Outcome {
  if (t.status !== 'fail') return t.status;
  return t.findings.some((f) => f.severity === 'security') ? 'fail-security' : 'fail-deviation';
}

function zero(): Record<Status, number> {
  return { pass: 0, fail: 0, 'not-implemented': 0, 'rate-limited': 0, blocked: 0, skipped: 0, error: 0 };
}

/** Checks per status (a check's status is the worst of its targets). */
export function counts(result: RunResult): Record<Status, number> {
  const out = zero();
  for (const c of result.checks) out[c.status]++;
  return out;
}

/** Check targets per status. */
export function targetCounts(result: RunResult): Record<Status, number> {
  const out = zero();
  for (const c of result.checks) for (const t of c.targets) out[t.status]++;
  return out;
}

/** How many check targets actually ran against the implementation (not skipped). */
export function executedTargets(result: RunResult): number {
  return result.checks.reduce((n, c) => n + c.targets.filter((t) => t.status !== 'skipped').length, 0);
}

export interface ExitVerdict {
  code: 0 | 1 | 2;
  why: string;
}

/**
 * 0: every selected check passed. 1: a check failed or an operation is not implemented (the implementation does
 * not keep the contract). 2: nothing decisive could be said: errors, blocked or rate-limited targets only, or no
 * check target executed at all (never a silent green).
 */
export function exitVerdict(result: RunResult): ExitVerdict {
  const c = counts(result);
  const t = targetCounts(result);
  const parts = (entries: Array<[number, string]>) =>
    entries
      .filter(([n]) => n > 0)
      .map(([n, what]) => `${n} ${what}`)
      .join(', ');
  if (c.fail > 0 || c['not-implemented'] > 0) {
    return {
      code: 1,
      why: parts([
        [c.fail, `failed check${c.fail === 1 ? '' : 's'}`],
        [t['not-implemented'], `operation target${t['not-implemented'] === 1 ? '' : 's'} not implemented`],
      ]),
    };
  }
  if (executedTargets(result) === 0) return { code: 2, why: 'no check target executed (every check was skipped)' };
  if (c.error > 0 || c.blocked > 0 || c['rate-limited'] > 0) {
    return {
      code: 2,
      why:
        parts([
          [t.error, 'errored'],
          [t.blocked, 'blocked'],
          [t['rate-limited'], 'rate-limited'],
        ]) + ` target${t.error + t.blocked + t['rate-limited'] === 1 ? '' : 's'}`,
    };
  }
  return { code: 0, why: 'every selected check passed' };
}

export function exitCode(result: RunResult): number {
  return exitVerdict(result).code;
}

/** What the run did about 429s, for the summary. */
export interface RateLimitStats {
  /** 429 answers received. */
  met: number;
  /** 429s waited out (Retry-After within the budget), and the total wait. */
  waited: number;
  waitedMs: number;
  /** Check-target attempts moved to another identity instead of waiting. */
  spread: number;
  /** Identities created besides each label's first, to spread work (Identities counts them). */
  extraIdentities: number;
  /** Requests reported rate-limited (429 beyond the budget). */
  gaveUp: number;
}

/** What the transport saw: reported with the run, so lost answers are never hidden. */
export interface TransportStats {
  requests: number;
  /** Requests re-sent after a lost answer (same Idempotency-Key for POST/PATCH). */
  retries: number;
  resets: number;
  timeouts: number;
  refused: number;
  /** Slowest answer seen (ms): time-outs adapt to it. */
  slowestMs: number;
  /**
   * Requests of checks whose answer was lost and that were not re-sent because they are not idempotent. Set-up steps
   * in that case are replaced by a new creation and listed under `replaced` instead.
   */
  notResent: string[];
  /** Non-idempotent requests re-sent because only a refusal was acceptable (see HttpRequest.refusalExpected). */
  resentRefusals: string[];
  /** Set-up steps whose answer was lost and that were replaced by a new identity or resource (the first may exist, unused). */
  replaced: string[];
}
