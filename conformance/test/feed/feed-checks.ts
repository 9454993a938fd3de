import type { AnyCheck } from '../../src/engine/check.ts';
import feedCursorStable from '../../src/checks/feed/cursor-stable.ts';
import feedExcludes from '../../src/checks/feed/excludes.ts';
import feedOrder from '../../src/checks/feed/order.ts';
import feedVisibleWithoutRebuild from '../../src/checks/feed/visible-without-rebuild.ts';
import { runConformance } from '../../src/run.ts';
import type { RunResult } from '../../src/engine/findings.ts';
import type { StartedReference } from '../../src/reference.ts';

/** The feed family (review defect 6), run on its own. */
export const FEED_CHECKS: AnyCheck[] = [feedCursorStable, feedExcludes, feedOrder, feedVisibleWithoutRebuild];

/**
 * A generous request timeout: registering a test user runs the reference's password KDF (scrypt, N=2^17), which
 * takes seconds when the checks register their users at once on a busy 2-core machine.
 */
export function runFeedChecks(ref: StartedReference, only?: string[]): Promise<RunResult> {
  return runConformance({
    baseUrl: ref.target.baseUrl,
    jwtSecret: ref.jwtSecret,
    checks: FEED_CHECKS,
    only,
    concurrency: 8,
    timeoutMs: 30_000,
  });
}

/** Status per check target, e.g. `feed.excludes GET /api/feed: blocked author` → `pass`. */
export function statuses(result: RunResult): Record<string, string> {
  return Object.fromEntries(result.checks.flatMap((c) => c.targets.map((t) => [`${c.id} ${t.label}`, t.status])));
}
