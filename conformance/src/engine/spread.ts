import { AsyncLocalStorage } from 'node:async_hooks';
import type { Identities, User } from './identities.ts';
import type { RateLimitStats } from './findings.ts';
import type { SpreadOffer } from './http.ts';
import { RateLimitedError, retryAfterMs, SpreadSignal } from './rate-limit.ts';

/**
 * The identities one check target uses, over its attempts: which member of a pool label stands in for the label
 * (`owner` → `owner #2` after owner was limited), the routes found limited, and the re-runs made per label.
 */
export class TargetLease {
  readonly swaps = new Map<string, number>();
  readonly limitedRoutes = new Set<string>();
  readonly reruns = new Map<string, number>();
  /** Re-runs in all, whatever the labels (a check may make up a new label on each attempt). */
  total = 0;
  /** The spread signal raised during the current attempt (a check may have swallowed it). */
  signal: SpreadSignal | undefined;
}

const FRESH = 'fresh users';
/** A target's re-runs in all, in units of the per-label bound: enough for the few labels one check uses. */
const RERUNS_PER_LABEL = 4;
const current = new AsyncLocalStorage<TargetLease>();

/** The lease of the check target whose attempt is running (whatever context object sends the request). */
export function currentLease(): TargetLease | undefined {
  return current.getStore();
}

export function withLease<T>(lease: TargetLease, run: () => Promise<T>): Promise<T> {
  return current.run(lease, run);
}

/**
 * Spreads work over several test identities when the target limits per user (429 keyed on the token's sub). A check
 * asks for users by label (ctx.user('owner')); any user of a label does, so a check target whose request as `owner`
 * is limited for longer than `spreadAfterMs` is run again from its start with another member of the label (created
 * within `maxIdentities` per label), instead of waiting Retry-After out. A fresh user is replaced by another fresh
 * one. Requests of no label (registration, anonymous ones) and labels whose members are all limited on the route
 * wait within the budget as before, so a limit that hits every identity still ends rate-limited, after at most
 * `maxIdentities - 1` re-runs per label of a target (and four times that in all, for labels made up per attempt).
 */
export class IdentitySpread {
  /** userId → route → until (ms since epoch), from Retry-After. */
  private readonly limits = new Map<string, Map<string, number>>();

  constructor(
    private readonly identities: Identities,
    readonly maxIdentities: number,
    readonly spreadAfterMs: number,
    readonly stats: RateLimitStats,
  ) {}

  get enabled(): boolean {
    return this.maxIdentities > 1;
  }

  /**
   * Whether `user` may be replaced for a request on `route`: then the request carries the offer, and a long 429 is
   * not waited out. Throws the signal at once when the user is known to be limited there and another member is free.
   */
  offer(user: User | null | undefined, route: string, lease: TargetLease | undefined): SpreadOffer | undefined {
    if (!this.enabled || !user || !lease) return undefined;
    const member = this.identities.memberOf(user.id);
    if (!member) return undefined;
    const key = member.fresh ? FRESH : member.label;
    if (!this.mayRerun(lease, key)) return undefined;
    if (!member.fresh) {
      const routes = new Set([...lease.limitedRoutes, route]);
      if (this.freeMember(member.label, routes, member.index) === undefined) return undefined;
    }
    const until = this.limits.get(user.id)?.get(route) ?? 0;
    if (until - Date.now() > this.spreadAfterMs) {
      const signal = new SpreadSignal(
        `${route} as ${user.label}: limited until ${new Date(until).toISOString()} (an earlier 429's Retry-After)`,
        undefined,
        user.id,
        route,
        until,
      );
      lease.signal = signal;
      throw signal;
    }
    return { userId: user.id, route };
  }

  /**
   * Records a spread signal; true when the target's attempt is to be re-run: with another identity (counted as
   * spread), or, when the member that was free at send time has been limited since by a concurrent target, with the
   * same ones, whose requests then get no offer and wait within the budget like any other.
   */
  rerun(lease: TargetLease, signal: SpreadSignal): boolean {
    this.limit(signal.userId, signal.route, signal.untilMs);
    lease.limitedRoutes.add(signal.route);
    const member = this.identities.memberOf(signal.userId);
    if (!member) return false;
    const key = member.fresh ? FRESH : member.label;
    if (!this.mayRerun(lease, key)) return false;
    const next = member.fresh ? undefined : this.freeMember(member.label, lease.limitedRoutes, member.index);
    if (next !== undefined) lease.swaps.set(member.label, next);
    if (member.fresh || next !== undefined) this.stats.spread++;
    lease.reruns.set(key, (lease.reruns.get(key) ?? 0) + 1);
    lease.total++;
    lease.signal = undefined;
    return true;
  }

  /** At most `maxIdentities - 1` re-runs of a target per label, and RERUNS_PER_LABEL times that in all. */
  private mayRerun(lease: TargetLease, key: string): boolean {
    const most = this.maxIdentities - 1;
    return (lease.reruns.get(key) ?? 0) < most && lease.total < RERUNS_PER_LABEL * most;
  }

  /** The outcome of a signal no other identity could take: rate-limited, saying why. */
  exhausted(signal: SpreadSignal): RateLimitedError {
    this.stats.gaveUp++;
    return new RateLimitedError(
      `${signal.message}; no other test identity was free to make it (rateLimit.identities: ${this.maxIdentities} per user label); raise rateLimit.identities or the rate-limit budget in the config, or run fewer checks at once (--only)`,
      signal.response,
    );
  }

  /** A 429 given up on (no offer, or past the budget): its Retry-After still says when the user is free again. */
  noteLimited(userId: string, route: string, error: RateLimitedError): void {
    const ms = retryAfterMs(error.response?.headers['retry-after']);
    if (ms !== undefined) this.limit(userId, route, Date.now() + ms);
  }

  private limit(userId: string, route: string, until: number): void {
    let routes = this.limits.get(userId);
    if (!routes) this.limits.set(userId, (routes = new Map()));
    routes.set(route, Math.max(until, routes.get(route) ?? 0));
  }

  /** The first member of `label` (created or still to create) not limited on any of `routes`, other than `except`. */
  private freeMember(label: string, routes: Set<string>, except: number): number | undefined {
    const now = Date.now();
    for (let index = 0; index < this.maxIdentities; index++) {
      if (index === except) continue;
      const id = this.identities.member(label, index);
      if (id === undefined) return index;
      const limited = this.limits.get(id);
      if (![...routes].some((r) => (limited?.get(r) ?? 0) - now > this.spreadAfterMs)) return index;
    }
    return undefined;
  }
}
