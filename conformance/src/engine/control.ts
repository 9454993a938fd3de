import type { Operation } from '../spec/types.ts';
import type { CheckContext } from './context.ts';
import type { HttpResponse } from './http.ts';
import type { FilledRequest } from './recipes.ts';
import { isRedirect, redirectText } from './redirects.ts';

/** Statuses that say "no such operation here" when even a request that should succeed gets them. */
export const NOT_IMPLEMENTED = new Set([404, 405, 501]);

/** Documented refusals that come after authentication (the request's content, not its caller, is refused). */
const AFTER_AUTHENTICATION = new Set([400, 409, 422]);

export type ControlVerdict =
  | { ok: true; response: HttpResponse }
  | { ok: false; outcome: 'not-implemented' | 'blocked'; reason: string; response: HttpResponse };

/**
 * Judges the control request: the same operation with a valid token (the same claims) and real resources. Only a
 * 2xx (or a documented 400/409/422 about the request's content) makes a refusal of a bad token meaningful; a 404/405/501 means the operation is not implemented (unless the
 * request had to be made of sample values), anything else means the valid token is refused as well.
 */
export function judgeControl(op: Operation, req: FilledRequest, res: HttpResponse): ControlVerdict {
  if (res.status >= 200 && res.status < 300) return { ok: true, response: res };
  // Authenticated, then refused by validation or state (following oneself is a 400): the token got through.
  if (AFTER_AUTHENTICATION.has(res.status) && op.responses[String(res.status)]) return { ok: true, response: res };
  if (NOT_IMPLEMENTED.has(res.status) && !(res.status === 404 && req.sampled)) {
    return {
      ok: false,
      outcome: 'not-implemented',
      reason: `${op.method.toUpperCase()} ${op.gatewayPath} answered ${res.status} to a valid token and real resources: the operation is not implemented here`,
      response: res,
    };
  }
  if (isRedirect(res.status))
    return { ok: false, outcome: 'blocked', reason: `valid token redirected: ${redirectText(res)}`, response: res };
  if (req.sampled && res.status === 404) {
    return {
      ok: false,
      outcome: 'blocked',
      reason: `no control request possible: the resources it needs could not be created (${req.sampled}), so sample ids got 404`,
      response: res,
    };
  }
  return {
    ok: false,
    outcome: 'blocked',
    reason: `valid token refused: the control request with a valid token got ${res.status}: ${res.text.slice(0, 160)}`,
    response: res,
  };
}

/** Ends the target with the control's outcome when the control did not succeed. */
export function requireControl(ctx: CheckContext, verdict: ControlVerdict): void {
  if (verdict.ok) return;
  if (verdict.outcome === 'not-implemented') ctx.notImplemented(verdict.reason);
  ctx.block(verdict.reason);
}
