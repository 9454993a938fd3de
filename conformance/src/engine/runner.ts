import type { RunningDouble } from '../doubles/double.ts';
import type { Spec } from '../spec/load.ts';
import type { Operation } from '../spec/types.ts';
import type { AnyCheck } from './check.ts';
import { Blocked, CheckContext, NotImplemented, Skipped, type Environment, type RunOptions } from './context.ts';
import {
  worst,
  type CheckResult,
  type Observation,
  type RunResult,
  type Status,
  type TargetResult,
} from './findings.ts';
import { HttpClient, TransportError } from './http.ts';
import { Identities } from './identities.ts';
import { runPool } from './pool.ts';
import { DEFAULT_RATE_LIMIT_BUDGET, newRateLimitStats, RateLimitedError, RateLimitLayer } from './rate-limit.ts';
import { IdentitySpread, TargetLease, withLease } from './spread.ts';
import { RedirectLayer } from './redirects.ts';
import { reachable, type Target } from './target.ts';
import { VERSION } from '../version.ts';

export interface ProgressEvent {
  checkId: string;
  target: TargetResult;
  done: number;
  total: number;
}

export interface RunInput {
  spec: Spec;
  target: Target;
  checks: AnyCheck[];
  options: RunOptions;
  startedReference?: boolean;
  doubles?: RunningDouble[];
  onProgress?: (e: ProgressEvent) => void;
}

const SHARED_USERS = ['owner', 'stranger'];

/** Expands every selected check into its targets and runs them all through one pool of `concurrency` workers. */
export async function runChecks(input: RunInput): Promise<RunResult> {
  const started = Date.now();
  const observations: Observation[] = [];
  const client = new HttpClient({ timeoutMs: input.options.timeoutMs, setupTimeoutMs: input.options.setupTimeoutMs });
  const budget = { ...DEFAULT_RATE_LIMIT_BUDGET, ...input.options.rateLimit };
  const rateLimits = newRateLimitStats();
  const http = new RateLimitLayer(new RedirectLayer(client), budget, undefined, rateLimits);
  const identities = new Identities(input.spec, input.target, http, input.options.jwtSecret, {
    claims: input.options.tokenClaims,
    admin: input.options.admin,
  });
  const env: Environment = {
    spec: input.spec,
    target: input.target,
    options: input.options,
    http,
    identities,
    spread: new IdentitySpread(identities, budget.identities ?? 1, budget.spreadAfterMs ?? Infinity, rateLimits),
    resolvers: new Map(),
    doubles: new Map((input.doubles ?? []).map((d) => [d.service, d])),
    observe: (o) => observations.push(o),
  };
  const results = new Map<string, TargetResult[]>();
  const reasons = new Map<string, string>();
  const tasks: Array<() => Promise<void>> = [];
  for (const check of input.checks) {
    results.set(check.id, []);
    const missing = unmet(check, input.options);
    if (missing) {
      reasons.set(check.id, missing);
      continue;
    }
    for (const t of check.targets(input.spec)) {
      const op = isOperation(t) ? t : undefined;
      const label = check.label?.(t) ?? (op ? `${op.method.toUpperCase()} ${op.gatewayPath}` : String(t));
      tasks.push(async () => {
        const result = await runTarget(env, check, t, label, op);
        results.get(check.id)!.push(result);
        input.onProgress?.({ checkId: check.id, target: result, done: ++done, total: tasks.length });
      });
    }
  }
  let done = 0;
  // The users nearly every check shares, created once before the checks start (registration is the slowest step).
  if (tasks.length > 0) await env.identities.warm(SHARED_USERS);
  await runPool(tasks, input.options.concurrency);
  const checks: CheckResult[] = input.checks.map((check) => {
    const targets = results.get(check.id)!.sort((a, b) => a.label.localeCompare(b.label));
    const status = reasons.has(check.id) ? 'skipped' : worst(targets.map((t) => t.status));
    const reason =
      reasons.get(check.id) ?? (targets.length === 0 ? 'no operation in the spec matches this check' : undefined);
    return { id: check.id, title: check.title, tags: check.tags, clause: check.clause, status, reason, targets };
  });
  return {
    tool: { name: 'socialnet-conformance', version: VERSION },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    target: {
      baseUrl: input.target.baseUrl,
      services: input.target.services,
      startedReference: Boolean(input.startedReference),
    },
    checks,
    observations,
    specFiles: input.spec.files,
    transport: client.losses,
    rateLimits: { ...rateLimits, extraIdentities: identities.extraMembers },
  };
}

async function runTarget(
  env: Environment,
  check: AnyCheck,
  t: unknown,
  label: string,
  op: Operation | undefined,
): Promise<TargetResult> {
  const started = Date.now();
  const base = { label, operationId: op?.operationId, service: op?.service };
  // One place for every check whose target is an operation: no URL for its service, nothing to run (the console's
  // summary reads this reason to name the --service option that fixes it).
  if (op && !reachable(env.target, op))
    return { ...base, status: 'skipped', reason: unreachableReason(op), findings: [], durationMs: 0 };
  const lease = new TargetLease();
  for (;;) {
    const ctx = new CheckContext(env, check.id, check.clause, check.failure, op, lease);
    let error: unknown;
    let failed = false;
    try {
      await withLease(lease, () => check.run(ctx, t));
    } catch (thrown) {
      error = thrown;
      failed = true;
    }
    // A user of this attempt was limited for long (even if the check swallowed it, its verdict may rest on the
    // 429): the attempt is dropped and the target runs again from its start with another identity, within bounds.
    const signal = lease.signal;
    if (signal) {
      if (env.spread?.rerun(lease, signal)) continue;
      [error, failed] = [env.spread?.exhausted(signal) ?? signal, true];
    }
    const findings = ctx.findings;
    if (!failed)
      return { ...base, status: findings.length > 0 ? 'fail' : 'pass', findings, durationMs: Date.now() - started };
    const status = findings.length > 0 ? 'fail' : statusOf(error);
    return { ...base, status, reason: reasonOf(error), findings, durationMs: Date.now() - started };
  }
}

export function unreachableReason(op: Operation): string {
  return `no URL for service ${op.service}`;
}

function statusOf(error: unknown): Status {
  if (error instanceof Blocked) return 'blocked';
  if (error instanceof Skipped) return 'skipped';
  if (error instanceof NotImplemented) return 'not-implemented';
  if (error instanceof RateLimitedError) return 'rate-limited';
  return 'error';
}

/** The cause in one line for what the target did or the run could not do; a stack only for a defect of a check. */
function reasonOf(error: unknown): string {
  if (
    error instanceof TransportError ||
    error instanceof Blocked ||
    error instanceof Skipped ||
    error instanceof NotImplemented ||
    error instanceof RateLimitedError
  )
    return annotate(error.message);
  if (error instanceof Error && isInfrastructure(error))
    return annotate(`${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`);
  return `${(error as Error)?.stack ?? error}`;
}

/** Unreachable targets and time-outs say so, and what to try. */
export function annotate(message: string): string {
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN/.test(message)) return `${message} (the target is unreachable)`;
  if (/bad port/.test(message))
    return `${message} (the target is unreachable: fetch refuses this port, as the Fetch standard blocks it)`;
  if (/ECONNRESET|UND_ERR_SOCKET|other side closed/.test(message))
    return `${message} (the target closed the connection)`;
  if (/timeout|aborted|no answer within \d+ ms/i.test(message))
    return `${message} (no answer in time: try a larger --timeout (--setup-timeout for set-up steps such as registration) or a smaller --concurrency)`;
  return message;
}

/** Errors of the broker client or the network, whose stack says nothing about the target. */
function isInfrastructure(error: Error): boolean {
  return /^Kafka|KafkaJS/.test(error.name) || /did not join a group|broker|ECONNREFUSED|topic/i.test(error.message);
}

function unmet(check: AnyCheck, options: RunOptions): string | undefined {
  if (check.requires?.includes('kafka') && !options.kafkaBrokers?.length) return 'not selected: needs --kafka-brokers';
  if (check.requires?.includes('jwt-secret') && !options.jwtSecret) return 'not selected: needs --jwt-secret';
  return undefined;
}

function isOperation(t: unknown): t is Operation {
  return typeof t === 'object' && t !== null && 'operationId' in t && 'method' in t;
}
