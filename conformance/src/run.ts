import { randomBytes } from 'node:crypto';
import { CHECKS } from './checks/index.ts';
import type { AnyCheck } from './engine/check.ts';
import type { RunOptions } from './engine/context.ts';
import type { RunResult } from './engine/findings.ts';
import { runChecks, type ProgressEvent } from './engine/runner.ts';
import { selectChecks } from './engine/select.ts';
import type { Target } from './engine/target.ts';
import { openDoubles } from './doubles/index.ts';
import { startReference } from './reference.ts';
import { loadSpec } from './spec/load.ts';
import { checkServiceNames, pathAliases } from './engine/usage.ts';
import type { AdminCredential } from './engine/identities.ts';
import { DEFAULT_RATE_LIMIT_BUDGET, type RateLimitBudget } from './engine/rate-limit.ts';
import type { ExtraClaims } from './engine/tokens.ts';

export interface ConformanceOptions {
  baseUrl?: string;
  services?: Record<string, string>;
  spec?: string;
  jwtSecret?: string;
  kafkaBrokers?: string[];
  only?: string[];
  skip?: string[];
  timeoutMs?: number;
  /** Floor of set-up steps' time-outs (registration runs a password KDF): default max(60 s, timeoutMs). */
  setupTimeoutMs?: number;
  concurrency?: number;
  /**
   * Recording doubles of downstream dependencies: `media` starts one here (the started reference calls it as its
   * media service; a deployment must be configured to), `media=URL` reads one the deployment started itself.
   */
  doubles?: string[];
  /** With no target: start the reference split into services instead of behind its gateway. */
  split?: boolean;
  /** With no target: a PlatformVariant for the started reference (defect fixtures). */
  variant?: unknown;
  checks?: AnyCheck[];
  /** Replaces the first segment of the spec's gateway prefix under baseUrl. */
  pathPrefix?: string;
  /** Claims every minted token carries (a shard number the target requires...). */
  tokenClaims?: ExtraClaims;
  /** The target's own admin credential (a static header). */
  admin?: AdminCredential;
  rateLimit?: Partial<RateLimitBudget>;
  onProgress?: (e: ProgressEvent) => void;
  onStarted?: (target: Target) => void;
}

/** The library entry point: everything `conformance run` does except printing. */
export async function runConformance(options: ConformanceOptions = {}): Promise<RunResult> {
  const spec = await loadSpec(options.spec);
  checkServiceNames(Object.keys(options.services ?? {}), spec.services, pathAliases(spec.operations));
  const checks = selectChecks(options.checks ?? CHECKS, options.only, options.skip);
  let target: Target = {
    baseUrl: options.baseUrl?.replace(/\/$/, ''),
    services: options.services ?? {},
    pathPrefix: options.pathPrefix,
  };
  let jwtSecret = options.jwtSecret;
  let kafkaBrokers = options.kafkaBrokers;
  const noTarget = !target.baseUrl && Object.keys(target.services).length === 0;
  jwtSecret ??= noTarget ? randomBytes(32).toString('base64url') : undefined;
  const doubles = await openDoubles(spec, options.doubles ?? [], { jwtSecret });
  const serviceUrls = Object.fromEntries(doubles.map((d) => [d.service, d.url]));
  const reference = noTarget
    ? await startReference({ split: options.split, variant: options.variant, jwtSecret, serviceUrls }).catch(
        async (error) => {
          await Promise.all(doubles.map((d) => d.close()));
          throw error;
        },
      )
    : undefined;
  if (reference) {
    target = reference.target;
    jwtSecret = reference.jwtSecret;
    kafkaBrokers ??= reference.kafkaBrokers;
  }
  options.onStarted?.(target);
  const runOptions: RunOptions = {
    timeoutMs: options.timeoutMs ?? 10_000,
    setupTimeoutMs: options.setupTimeoutMs,
    concurrency: options.concurrency ?? 8,
    jwtSecret,
    kafkaBrokers,
    eventDeadlineMs: 10_000,
    tokenClaims: options.tokenClaims,
    admin: options.admin,
    rateLimit: { ...DEFAULT_RATE_LIMIT_BUDGET, ...options.rateLimit },
  };
  try {
    return await runChecks({
      spec,
      target,
      checks,
      options: runOptions,
      startedReference: Boolean(reference),
      doubles,
      onProgress: options.onProgress,
    });
  } finally {
    await reference?.close();
    await Promise.all(doubles.map((d) => d.close()));
  }
}
