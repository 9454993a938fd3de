import type { AuthzRule, Operation } from '../spec/types.ts';
import type { CheckContext } from './context.ts';
import type { HttpResponse } from './http.ts';
import type { User } from './identities.ts';
import type { FilledRequest, Resolver } from './recipes.ts';
import { reachable } from './target.ts';
import { judgeNoLeak, judgeRefusal } from './verdict.ts';

/** Rules a stranger (a signed-in user with no relation to the owner's resources) passes. */
const STRANGER_PASSES = new Set(['authenticated']);

/** The first rule of `op` that refuses a stranger decides the status (docs/spec-conventions.md, x-authz). */
export function strangerDenial(op: Operation): AuthzRule | undefined {
  return op.authz.find((r) => !STRANGER_PASSES.has(r.rule));
}

export function hasRule(op: Operation, ...rules: string[]): boolean {
  return op.authz.some((r) => rules.includes(r.rule));
}

export interface StrangerAttempt {
  owner: User;
  stranger: User;
  resolver: Resolver;
  request: FilledRequest;
  response: HttpResponse;
  rule: AuthzRule;
}

/**
 * The owner creates everything `op` refers to; the stranger then calls `op` on it. A 401 for the stranger blocks
 * the check (the token itself was refused, which the authn checks report).
 */
export async function strangerAttempt(
  ctx: CheckContext,
  op: Operation,
  before?: (r: Resolver, req: FilledRequest) => Promise<void>,
  freshOwner = false,
): Promise<StrangerAttempt> {
  if (!reachable(ctx.target, op)) ctx.skip(`no URL for service ${op.service}`);
  const rule = strangerDenial(op);
  if (!rule) ctx.skip('no rule refuses a stranger');
  const [owner, stranger] = await Promise.all([freshOwner ? ctx.freshUser('owner') : ctx.user('owner'), ctx.user('stranger')]);
  const resolver = ctx.resolver(owner);
  const request = (await resolver.fill(op))!;
  await before?.(resolver, request);
  const response = await ctx.send(op, request, { as: stranger, refusalExpected: true });
  if (response.status === 401) ctx.block(`the stranger's valid token was refused with 401 by ${op.service} (see authn.accepts-valid-jwt)`);
  return { owner, stranger, resolver, request, response, rule };
}

/** Judges a stranger's attempt: the rule's deny status, and none of the owner's data in the answer. */
export function judgeStranger(ctx: CheckContext, attempt: StrangerAttempt): void {
  const { rule, response, resolver } = attempt;
  const what = `a signed-in user refused by rule ${rule.rule}`;
  if (judgeRefusal(ctx, response, rule.deny ?? 403, what, rule.clause)) judgeNoLeak(ctx, response, resolver.canary, 'the refusal', rule.clause);
}
