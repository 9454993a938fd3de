import { setTimeout as sleep } from 'node:timers/promises';
import type { RateLimitStats } from './findings.ts';
import { withIdempotencyKey, type HttpRequest, type HttpResponse, type SpreadOffer } from './http.ts';
import type { Transport } from './transport.ts';

/** The target kept answering 429 beyond the rate-limit budget: nothing was judged (outcome `rate-limited`). */
export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly response: HttpResponse,
  ) {
    super(message);
  }
}

/** A long 429 (or a known limit) on a request another identity can make: the target's attempt is re-run with one. */
export class SpreadSignal extends RateLimitedError {
  constructor(
    message: string,
    response: HttpResponse | undefined,
    readonly userId: string,
    readonly route: string,
    readonly untilMs: number,
  ) {
    super(message, response as HttpResponse);
  }
}

export const newRateLimitStats = (): RateLimitStats => ({
  met: 0,
  waited: 0,
  waitedMs: 0,
  spread: 0,
  extraIdentities: 0,
  gaveUp: 0,
});

export interface RateLimitBudget {
  /** Longest total wait for one request (sum of its Retry-After waits). */
  perRequestMs: number;
  /** Longest total wait over the whole run; once spent, a 429 is reported at once. */
  perRunMs: number;
  /** Wait used when a 429 has no (or an unreadable) Retry-After. */
  defaultWaitMs: number;
  /**
   * Most identities per pool label (owner, stranger...), the first included: a request another identity can make
   * whose 429 asks for a wait above `spreadAfterMs` is moved to another one (created within this bound) instead of
   * waiting. 1 turns spreading off.
   */
  identities?: number;
  /** Retry-After up to this is waited out; above it, work is spread over other identities where it can be. */
  spreadAfterMs?: number;
}

export const DEFAULT_RATE_LIMIT_BUDGET: RateLimitBudget = {
  perRequestMs: 65_000,
  perRunMs: 300_000,
  defaultWaitMs: 1_000,
  identities: 5,
  spreadAfterMs: 5_000,
};

/** Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * A layer over the HTTP transport that never lets a 429 reach a verdict: it waits as Retry-After says (within a
 * per-request and a per-run budget) and sends the request again, since a 429 means the request was not processed
 * (RFC 6585 §4). Past the budget it throws RateLimitedError, which the runner turns into the `rate-limited` outcome.
 * A request another identity may make (`spread`, see spread.ts) is not waited for when Retry-After exceeds
 * `spreadAfterMs`: it throws SpreadSignal at once, and the runner moves the check target to another identity.
 */
export class RateLimitLayer implements Transport {
  private spentMs = 0;

  get losses() {
    return this.inner.losses;
  }

  constructor(
    private readonly inner: Transport,
    private readonly budget: RateLimitBudget = DEFAULT_RATE_LIMIT_BUDGET,
    private readonly wait: (ms: number) => Promise<unknown> = sleep,
    /** 429s met, waited out, given up on (and spread, counted by the runner), for the summary. */
    readonly stats: RateLimitStats = newRateLimitStats(),
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    // One key for every attempt: the transport below may have re-sent a keyed write after a time-out that the target
    // applied after all; a new key after the 429 would apply it a second time.
    const req = withIdempotencyKey(request);
    let waited = 0;
    for (;;) {
      const res = await this.inner.send(req);
      if (res.status !== 429) return res;
      this.stats.met++;
      const ms = retryAfterMs(res.headers['retry-after']) ?? this.budget.defaultWaitMs;
      const spread = req.spread;
      if (spread && ms > (this.budget.spreadAfterMs ?? Infinity))
        throw new SpreadSignal(
          `${req.method.toUpperCase()} ${req.url} as ${req.identity}: 429 (Retry-After: ${res.headers['retry-after']})`,
          res,
          spread.userId,
          spread.route,
          Date.now() + ms,
        );
      if (waited + ms > this.budget.perRequestMs || this.spentMs + ms > this.budget.perRunMs) {
        this.stats.gaveUp++;
        const header = res.headers['retry-after'] ? `Retry-After: ${res.headers['retry-after']}` : 'no Retry-After';
        throw new RateLimitedError(
          `${req.method.toUpperCase()} ${req.url}: 429 (${header}) beyond the rate-limit budget (${this.budget.perRequestMs} ms per request, ${this.budget.perRunMs} ms per run, ${Math.round(this.spentMs)} ms spent); raise rateLimit in the config or run fewer checks at once (--concurrency 1, --only)`,
          res,
        );
      }
      waited += ms;
      this.spentMs += ms;
      this.stats.waited++;
      this.stats.waitedMs += ms;
      await this.wait(ms);
    }
  }
}
