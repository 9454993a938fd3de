import { defineCheck } from '../../engine/check.ts';
import type { CheckContext } from '../../engine/context.ts';
import { fillOrSample } from '../../engine/fill-or-sample.ts';
import { reachable } from '../../engine/target.ts';
import { is2xx } from '../../engine/verdict.ts';
import type { Operation } from '../../spec/types.ts';

/**
 * An operation that calls another service on the caller's behalf (x-propagates, credential caller-bearer) succeeds
 * while that service refuses unauthenticated calls, and what it stored there belongs to the caller: the owner can
 * manage it through the owner-rule operation and a stranger cannot.
 */
export default defineCheck({
  id: 'propagation.caller-bearer',
  title: "Calls made on the caller's behalf carry the caller's bearer, and what they store belongs to the caller",
  clause: 'SN-PROPAGATION-CALLER-BEARER',
  tags: ['propagation', 'defect:D4'],
  failure: "A downstream call was not made with the caller's bearer",
  targets: (spec) => spec.operations.filter((op) => op.propagates.some((p) => p.credential === 'caller-bearer')),
  async run(ctx, op) {
    if (!reachable(ctx.target, op)) ctx.skip(`no URL for service ${op.service}`);
    const [owner, stranger] = await Promise.all([ctx.user('owner'), ctx.user('stranger')]);
    for (const p of op.propagates.filter((x) => x.credential === 'caller-bearer')) {
      const downstream = p.operationId ? ctx.spec.operation(p.operationId) : undefined;
      if (!downstream) return ctx.block(`x-propagates names ${p.operationId ?? p.to}, which the spec does not define`);
      if (reachable(ctx.target, downstream)) {
        const anonymous = await ctx.send(downstream, await fillOrSample(ctx, downstream, owner), { as: null });
        if (anonymous.status !== 401) ctx.block(`${downstream.operationId} answers ${anonymous.status} without a token, so a missing bearer cannot be observed`);
      }
      const res = await ctx.send(op, (await ctx.resolver(owner).fill(op))!, { as: owner });
      if (!is2xx(res.status)) {
        ctx.fail({ severity: 'deviation', clause: p.clause, expected: `a success: ${p.to} accepts the caller's forwarded bearer`, received: `${res.status}: ${res.text.slice(0, 200)}`, response: res });
        continue;
      }
      // What an upload stores downstream must belong to the caller; other propagating calls store nothing to check.
      if (!uploadsFile(op)) continue;
      const stored = findOwned(ctx, res.json);
      if (!stored) return ctx.block(`the ${op.operationId} response refers to nothing an owner-rule operation of ${p.to} manages`);
      const { manage, key } = stored;
      const request = { path: { [manage.param]: key }, query: {}, headers: {} };
      const byStranger = await ctx.send(manage.op, request, { as: stranger });
      if (is2xx(byStranger.status)) {
        ctx.fail({ severity: 'security', clause: p.clause, expected: `the stored ${key} to belong to the caller (a stranger refused by ${manage.op.operationId})`, received: `${byStranger.status}: a stranger manages it`, response: byStranger });
      }
      const byOwner = await ctx.send(manage.op, request, { as: owner });
      if (!is2xx(byOwner.status)) {
        ctx.fail({ severity: 'security', clause: p.clause, expected: `the caller to own the stored ${key} (${manage.op.operationId} succeeds)`, received: `${byOwner.status}: the caller does not own what was stored on their behalf`, response: byOwner });
      }
    }
  },
});

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
  const strings = JSON.stringify(body ?? {}).match(/"(https?:\/\/[^"]+)"/g)?.map((s) => JSON.parse(s) as string) ?? [];
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
