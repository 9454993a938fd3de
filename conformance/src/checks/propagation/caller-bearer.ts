import { defineCheck } from '../../engine/check.ts';
import type { CheckContext } from '../../engine/context.ts';
import { fillOrSample } from '../../engine/fill-or-sample.ts';
import type { HttpResponse } from '../../engine/http.ts';
import type { User } from '../../engine/identities.ts';
import { reachable } from '../../engine/target.ts';
import { is2xx } from '../../engine/verdict.ts';
import type { Operation } from '../../spec/types.ts';
import type { RunningDouble } from '../../doubles/double.ts';

type Propagation = Operation['propagates'][number];

/**
 * An operation that calls another service on the caller's behalf (x-propagates, credential caller-bearer) makes that
 * call with the caller's bearer. With a recording double of the downstream (`--double media`) the call itself is
 * observed: the Authorization it carried is compared with the caller's token. Without one, only what the caller can
 * see is judged (the operation succeeds while the downstream refuses anonymous calls, and what it stored belongs to
 * the caller), and the verdict says it was not observed. A downstream's own authorization holes (a stranger allowed
 * to delete a file) are that downstream's checks' business (authz.owner), never this check's.
 */
export default defineCheck({
  id: 'propagation.caller-bearer',
  title: "Calls made on the caller's behalf carry the caller's bearer",
  clause: 'SN-PROPAGATION-CALLER-BEARER',
  tags: ['propagation', 'defect:D4'],
  failure: "A downstream call was not made with the caller's bearer",
  targets: (spec) => spec.operations.filter((op) => op.propagates.some((p) => p.credential === 'caller-bearer')),
  async run(ctx, op) {
    const owner = await ctx.user('owner');
    for (const p of op.propagates.filter((x) => x.credential === 'caller-bearer')) {
      const downstream = p.operationId ? ctx.spec.operation(p.operationId) : undefined;
      if (!downstream) return ctx.block(`x-propagates names ${p.operationId ?? p.to}, which the spec does not define`);
      const double = ctx.double(downstream.service);
      if (double) await observed(ctx, op, p, downstream, double, owner);
      else await inferred(ctx, op, p, downstream, owner);
    }
  },
});

/** With a double: the downstream call this request caused, found by the request's canary, and its Authorization. */
async function observed(
  ctx: CheckContext,
  op: Operation,
  p: Propagation,
  downstream: Operation,
  double: RunningDouble,
  owner: User,
): Promise<void> {
  const resolver = ctx.resolver(owner);
  const request = (await resolver.fill(op))!;
  const before = (await double.requests()).length;
  const res = await ctx.send(op, request, { as: owner });
  const calls = (await double.requests())
    .slice(before)
    .filter((r) => r.operationId === downstream.operationId && r.body.includes(resolver.canary));
  ctx.observe('propagation', {
    operationId: op.operationId,
    to: downstream.operationId,
    evidence: 'observed by the recording double',
    calls: calls.length,
  });
  if (calls.length === 0) {
    return ctx.block(
      `the ${double.name} double (${double.url}) received no ${downstream.operationId} call for this ${op.operationId} (answered ${res.status}): ` +
        `the target must call the double as its ${downstream.service} service (docs/checks.md#propagationcaller-bearer)`,
    );
  }
  const expected = `Bearer ${owner.token}`;
  for (const call of calls) {
    if (call.authorization === expected) continue;
    const carried = !call.authorization
      ? 'no Authorization header'
      : call.sub === owner.id
        ? `another token of the same user (${call.sub}), not the caller's`
        : call.sub
          ? `the bearer of another identity (sub ${call.sub})`
          : 'an Authorization the downstream refuses';
    ctx.fail({
      severity: call.sub && call.sub !== owner.id ? 'security' : 'deviation',
      clause: p.clause,
      expected: `${op.operationId} calls ${downstream.operationId} with the caller's bearer`,
      received: `observed by the ${double.name} double: ${call.method} ${call.path} carried ${carried} (the double answered ${call.status}); ${op.operationId} answered ${res.status}`,
      response: res,
    });
    return;
  }
  if (!is2xx(res.status)) {
    ctx.fail({
      severity: 'deviation',
      clause: p.clause,
      expected: `a success: ${downstream.operationId} got the caller's bearer`,
      received: `${res.status}: ${res.text.slice(0, 200)}`,
      response: res,
    });
  }
}

const NOT_OBSERVED =
  'caller-visible evidence only, the downstream call was not observed (run with --double to observe it)';

/** Without a double: what the caller can see proves (or disproves) that the downstream got the caller's identity. */
async function inferred(
  ctx: CheckContext,
  op: Operation,
  p: Propagation,
  downstream: Operation,
  owner: User,
): Promise<void> {
  if (reachable(ctx.target, downstream)) {
    const anonymous = await ctx.send(downstream, await fillOrSample(ctx, downstream, owner), { as: null });
    if (anonymous.status !== 401)
      ctx.block(
        `${downstream.operationId} answers ${anonymous.status} without a token, so a missing bearer cannot be seen from outside; run with --double ${downstream.service} to observe the call`,
      );
  }
  const res = await ctx.send(op, (await ctx.resolver(owner).fill(op))!, { as: owner });
  ctx.observe('propagation', { operationId: op.operationId, to: downstream.operationId, evidence: NOT_OBSERVED });
  if (!is2xx(res.status)) {
    ctx.fail({
      severity: 'deviation',
      clause: p.clause,
      expected: `a success: ${p.to} accepts the caller's forwarded bearer`,
      received: `${res.status}: ${res.text.slice(0, 200)} (${NOT_OBSERVED})`,
      response: res,
    });
    return;
  }
  // An upload stores a file downstream under the identity the call carried: it must be the caller's.
  if (!uploadsFile(op)) return;
  const stored = findOwned(ctx, res.json);
  if (!stored)
    return ctx.block(
      `the ${op.operationId} response refers to nothing an owner-rule operation of ${p.to} manages (${NOT_OBSERVED})`,
    );
  const byOwner = await ctx.send(
    stored.manage.op,
    { path: { [stored.manage.param]: stored.key }, query: {}, headers: {} },
    { as: owner },
  );
  if (!is2xx(byOwner.status)) {
    ctx.fail({
      severity: 'deviation',
      clause: p.clause,
      expected: `the caller to own the stored ${stored.key} (${stored.manage.op.operationId} as the caller succeeds)`,
      received: `${byOwner.status}: the caller does not own what was stored on their behalf (${NOT_OBSERVED})`,
      response: byOwner,
    });
  }
}

interface Managed {
  manage: { op: Operation; param: string };
  key: string;
}

/** A string in the response that an owner-rule operation's path template matches (e.g. a media URL → its key). */
function findOwned(ctx: CheckContext, body: unknown): Managed | undefined {
  const managers = ctx.spec.operations.flatMap((op) =>
    op.authz
      .filter((r) => r.rule === 'owner' && r.resource && 'in' in r.resource && r.resource.in === 'path')
      .map((r) => ({ op, param: (r.resource as { name: string }).name })),
  );
  const strings =
    JSON.stringify(body ?? {})
      .match(/"(https?:\/\/[^"]+)"/g)
      ?.map((s) => JSON.parse(s) as string) ?? [];
  for (const value of strings) {
    const path = new URL(value).pathname;
    for (const manage of managers) {
      for (const template of [manage.op.gatewayPath, manage.op.servicePath]) {
        const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}(?:/|$)`);
        const match = pattern.exec(path);
        if (match) return { manage, key: decodeURIComponent(match[1]!) };
      }
    }
  }
  return undefined;
}

function uploadsFile(op: Operation): boolean {
  const schema = op.requestBody?.content['multipart/form-data']?.schema;
  return Object.values<any>(schema?.properties ?? {}).some((p) => p?.format === 'binary');
}
