import { isDeepStrictEqual } from 'node:util';
import type { AuthzRule, Operation } from '../spec/types.ts';
import type { CheckContext } from './context.ts';
import { NOT_IMPLEMENTED } from './control.ts';
import type { HttpResponse } from './http.ts';
import type { User } from './identities.ts';
import { USER_ID } from './recipes.data.ts';
import type { FilledRequest, Resolver } from './recipes.ts';
import { isRedirect, redirectText } from './redirects.ts';
import { reachable } from './target.ts';
import { is2xx, judgeNoLeak, judgeRefusal } from './verdict.ts';

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
  /** For a write: what the owner could read before the stranger's request (compare with `snapshot` after). */
  before?: Snapshot;
  /** The owner was made for this attempt alone: no other target's requests change what they read. */
  freshOwner: boolean;
}

/** What the owner reads about their resources: read operation and URL → status and body. */
export type Snapshot = Map<string, unknown>;

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
  const rule = strangerDenial(op);
  if (!rule) ctx.skip('no rule refuses a stranger');
  const [owner, stranger] = await Promise.all([
    freshOwner ? ctx.freshUser('owner') : ctx.user('owner'),
    ctx.user('stranger'),
  ]);
  const resolver = ctx.resolver(owner);
  const request = (await resolver.fill(op))!;
  await before?.(resolver, request);
  const snapshotBefore = op.method !== 'get' ? await snapshot(ctx, owner, resolver) : undefined;
  const response = await ctx.send(op, request, { as: stranger, refusalExpected: true });
  if (response.status === 401)
    ctx.block(`the stranger's valid token was refused with 401 by ${op.service} (see authn.accepts-valid-jwt)`);
  return { owner, stranger, resolver, request, response, rule, before: snapshotBefore, freshOwner };
}

/** Reads scoped to the owner's resources or to the owner (path parameters only), as the owner. */
export async function snapshot(ctx: CheckContext, owner: User, resolver: Resolver): Promise<Snapshot> {
  const reads = ctx.spec.operations.filter((o) => o.method === 'get' && reachable(ctx.target, o) && scoped(o));
  const out: Snapshot = new Map();
  for (const read of reads) {
    const req = await resolver.fill(read, { existingOnly: true });
    if (!req) continue;
    let res = await ctx.send(read, req, { as: owner });
    // A degraded answer (the spec's `*_degraded: true`, e.g. counts when feedback was slow) is not the owner's data:
    // read again; a read still degraded is left out of the comparison rather than judged.
    for (let i = 0; i < DEGRADED_REREADS && degraded(res.json); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** i));
      res = await ctx.send(read, req, { as: owner });
    }
    if (degraded(res.json)) continue;
    if (!answersJson(read)) out.set(`${read.operationId} ${ctx.url(read, req)}`, { status: res.status });
    else if (res.json !== undefined)
      out.set(`${read.operationId} ${ctx.url(read, req)}`, { status: res.status, body: res.json });
  }
  return out;
}

const DEGRADED_REREADS = 4;

function degraded(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    Object.entries(body).some(([k, v]) => k.endsWith('_degraded') && v === true)
  );
}

/** The reads whose answer differs between two snapshots, with both values (a read missing from either is not judged). */
export function changes(before: Snapshot, after: Snapshot): Array<{ read: string; before: unknown; after: unknown }> {
  return [...before]
    .filter(([read, value]) => after.has(read) && !isDeepStrictEqual(value, after.get(read)))
    .map(([read, value]) => ({ read, before: value, after: after.get(read) }));
}

/**
 * Reads of one resource, or private reads of one user (public user pages change with every other check). A resource's
 * read that answers no JSON (a file, a redirect to it) is compared by its status alone: a deleted file is a 404.
 */
function scoped(op: Operation): boolean {
  const path = op.parameters.filter((p) => p.in === 'path');
  if (path.length === 0) return false;
  if (!answersJson(op)) return path.some((p) => !USER_ID.test(p.name));
  return op.secured || path.some((p) => !USER_ID.test(p.name));
}

const answersJson = (op: Operation) => Boolean(op.responses['200']?.content?.['application/json']);

/**
 * Judges a stranger's attempt: the rule's deny status, and none of the owner's data in the answer. A 2xx is a
 * security failure only with evidence of access: the owner's data in the answer (a read), or an effect the owner
 * reads back (a write); a 2xx without either is a deviation (a no-op write answered 200). A 3xx is a deviation. A
 * 404/405/501 the rule does not specify is not-implemented when the owner gets it too.
 */
export async function judgeStranger(ctx: CheckContext, attempt: StrangerAttempt): Promise<void> {
  const { rule, response, resolver } = attempt;
  const op = ctx.operation!;
  const what = `a signed-in user refused by rule ${rule.rule}`;
  const expected = `${rule.deny ?? 403} for ${what}`;
  const clause = rule.clause;
  if (is2xx(response.status)) {
    if (op.method === 'get') {
      if (!judgeNoLeak(ctx, response, resolver.canary, 'the answer to a stranger', clause)) return;
      ctx.fail({
        severity: 'deviation',
        clause,
        expected,
        received: `${response.status} with none of the owner's data in it: not refused as the spec says, though no access is shown`,
        response,
      });
      return;
    }
    const diff = attempt.before ? changes(attempt.before, await snapshot(ctx, attempt.owner, resolver)) : [];
    // A shared owner's private reads also change with other targets running at once (a notification another
    // target's message sent them): an effect is evidence only when shown again on an owner of this attempt alone.
    if (diff.length && !attempt.freshOwner) return judgeStranger(ctx, await strangerAttempt(ctx, op, undefined, true));
    if (diff.length) {
      const shown = diff
        .slice(0, 2)
        .map(
          (d) =>
            `${d.read}\n          before: ${JSON.stringify(d.before).slice(0, 200)}\n          after:  ${JSON.stringify(d.after).slice(0, 200)}`,
        )
        .join('\n          ');
      ctx.fail({
        severity: 'security',
        clause,
        expected,
        received: `${response.status}: the stranger's write took effect, read back as the owner: ${shown}`,
        response,
      });
    } else {
      ctx.fail({
        severity: 'deviation',
        clause,
        expected,
        received: `${response.status}, but nothing the owner reads changed (no observable effect): not refused as the spec says, though no access is shown`,
        response,
      });
    }
    return;
  }
  if (isRedirect(response.status)) {
    ctx.fail({
      severity: 'deviation',
      clause,
      expected,
      received: `${redirectText(response)}: neither a refusal nor access`,
      response,
    });
    return;
  }
  if (NOT_IMPLEMENTED.has(response.status) && response.status !== (rule.deny ?? 403)) {
    const control = await ctx.send(op, attempt.request, { as: attempt.owner });
    if (NOT_IMPLEMENTED.has(control.status))
      ctx.notImplemented(
        `${op.method.toUpperCase()} ${op.gatewayPath} answered ${response.status} to the stranger and ${control.status} to the owner: the operation is not implemented here`,
      );
  }
  if (judgeRefusal(ctx, response, rule.deny ?? 403, what, clause))
    judgeNoLeak(ctx, response, resolver.canary, 'the refusal', clause);
}
