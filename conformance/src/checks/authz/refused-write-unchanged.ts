import { isDeepStrictEqual } from 'node:util';
import { defineCheck } from '../../engine/check.ts';
import { strangerAttempt, strangerDenial } from '../../engine/authz.ts';
import type { CheckContext } from '../../engine/context.ts';
import type { User } from '../../engine/identities.ts';
import type { Resolver } from '../../engine/recipes.ts';
import { USER_ID } from '../../engine/recipes.data.ts';
import { reachable } from '../../engine/target.ts';
import type { Operation } from '../../spec/types.ts';

/**
 * After a stranger's write is refused, the owner re-reads everything the spec lets them read about the resources
 * involved and finds it unchanged: a refusal that commits first is still a breach.
 */
export default defineCheck({
  id: 'authz.refused-write-unchanged',
  title: "A stranger's refused write leaves the owner's data unchanged",
  clause: 'SN-AUTHZ-CHAT-MEMBER',
  tags: ['authz', 'defect:D3', 'defect:X1'],
  failure: "A stranger's write changed the owner's data",
  targets: (spec) => spec.operations.filter((op) => op.method !== 'get' && strangerDenial(op)),
  async run(ctx, op) {
    let before: Map<string, unknown> | undefined;
    const attempt = await strangerAttempt(ctx, op, async (resolver) => {
      before = await snapshot(ctx, resolver.user, resolver);
    }, true);
    const after = await snapshot(ctx, attempt.owner, attempt.resolver);
    for (const [read, value] of before!) {
      if (!after.has(read)) continue;
      if (!isDeepStrictEqual(value, after.get(read))) {
        ctx.fail({
          severity: 'security',
          clause: strangerDenial(op)?.clause,
          expected: `${read} as the owner unchanged after the stranger's ${op.operationId} (${attempt.response.status})`,
          received: `before: ${JSON.stringify(value).slice(0, 300)}\n          after:  ${JSON.stringify(after.get(read)).slice(0, 300)}`,
          response: attempt.response,
        });
      }
    }
  },
});

const DEGRADED_REREADS = 4;

function degraded(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Object.entries(body).some(([k, v]) => k.endsWith('_degraded') && v === true);
}

/** Reads scoped to the owner's resources or to the owner (path parameters only), as the owner. */
async function snapshot(ctx: CheckContext, owner: User, resolver: Resolver): Promise<Map<string, unknown>> {
  const reads = ctx.spec.operations.filter((o) => o.method === 'get' && reachable(ctx.target, o) && scoped(o));
  const out = new Map<string, unknown>();
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
    if (res.json !== undefined) out.set(`${read.operationId} ${ctx.url(read, req)}`, { status: res.status, body: res.json });
  }
  return out;
}

/** Reads of one resource, or private reads of one user (public user pages change with every other check). */
function scoped(op: Operation): boolean {
  const path = op.parameters.filter((p) => p.in === 'path');
  if (path.length === 0 || !op.responses['200']?.content?.['application/json']) return false;
  return op.secured || path.some((p) => !USER_ID.test(p.name));
}
