import type { CheckContext } from './context.ts';
import type { HttpResponse } from './http.ts';

/**
 * The common judgement of a refusal: a 2xx is access granted (security); a 3xx is neither a refusal nor access
 * (deviation); the specified status passes; any other refusal is a deviation (the original answered 400 where the
 * spec says 403 or 404). Returns true when the request was refused with exactly the expected status. Checks that
 * can look for evidence of access (authz.*: judgeStranger) judge a 2xx themselves before calling this.
 */
export function judgeRefusal(
  ctx: CheckContext,
  res: HttpResponse,
  expected: number,
  what: string,
  clause?: string,
): boolean {
  if (res.status >= 300 && res.status < 400) {
    ctx.fail({
      severity: 'deviation',
      clause,
      expected: `${expected} for ${what}`,
      received: `${res.status} redirect to ${res.headers.location ?? '(no Location)'}: neither a refusal nor access`,
      response: res,
    });
    return false;
  }
  if (res.status < 300) {
    ctx.fail({
      severity: 'security',
      clause,
      expected: `${expected} for ${what}`,
      received: `${res.status}: access granted`,
      response: res,
    });
    return false;
  }
  if (res.status !== expected) {
    ctx.fail({
      severity: 'deviation',
      clause,
      expected: `${expected} for ${what}`,
      received: `${res.status} (refused, but not as the spec says)`,
      response: res,
    });
    return false;
  }
  return true;
}

/** The responses of user B must not contain user A's canary (lists, feeds, error bodies). */
export function judgeNoLeak(
  ctx: CheckContext,
  res: HttpResponse,
  canary: string,
  what: string,
  clause?: string,
): boolean {
  if (!res.text.includes(canary)) return true;
  ctx.fail({
    severity: 'security',
    clause,
    expected: `no data of the owner in ${what}`,
    received: `${res.status} with the owner's canary "${canary}" in the body`,
    response: res,
  });
  return false;
}

export const is2xx = (status: number) => status >= 200 && status < 300;
