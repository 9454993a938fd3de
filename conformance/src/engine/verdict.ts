import type { CheckContext } from './context.ts';
import type { HttpResponse } from './http.ts';

/**
 * The common judgement of a refusal: a 2xx/3xx is access granted (security); the specified status passes; any
 * other refusal is a deviation (the original answered 400 where the spec says 403 or 404).
 * Returns true when the request was refused with exactly the expected status.
 */
export function judgeRefusal(ctx: CheckContext, res: HttpResponse, expected: number, what: string, clause?: string): boolean {
  if (res.status < 400) {
    ctx.fail({ severity: 'security', clause, expected: `${expected} for ${what}`, received: `${res.status}: access granted`, response: res });
    return false;
  }
  if (res.status !== expected) {
    ctx.fail({ severity: 'deviation', clause, expected: `${expected} for ${what}`, received: `${res.status} (refused, but not as the spec says)`, response: res });
    return false;
  }
  return true;
}

/** The responses of user B must not contain user A's canary (lists, feeds, error bodies). */
export function judgeNoLeak(ctx: CheckContext, res: HttpResponse, canary: string, what: string, clause?: string): boolean {
  if (!res.text.includes(canary)) return true;
  ctx.fail({ severity: 'security', clause, expected: `no data of the owner in ${what}`, received: `${res.status} with the owner's canary "${canary}" in the body`, response: res });
  return false;
}

export const is2xx = (status: number) => status >= 200 && status < 300;
