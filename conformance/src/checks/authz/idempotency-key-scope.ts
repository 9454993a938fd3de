import { defineCheck } from '../../engine/check.ts';
import { keyedRequest, sendFirst } from '../../engine/idempotency.ts';
import { is2xx } from '../../engine/verdict.ts';

/** Keys are scoped to the caller: another user's request with the same key is a fresh request, never a replay. */
export default defineCheck({
  id: 'authz.idempotency-key-scope',
  title: "Another user's request with the same Idempotency-Key runs as a fresh request",
  clause: 'SN-IDEMPOTENCY-SCOPE',
  tags: ['authz', 'idempotency', 'defect:X9'],
  failure: "One user's Idempotency-Key affected another user's request",
  targets: (spec) => spec.operations.filter((op) => op.idempotency),
  async run(ctx, op) {
    const a = await keyedRequest(ctx, op, 'owner');
    await sendFirst(ctx, op, a);
    const b = await keyedRequest(ctx, op, 'other');
    b.request.headers[b.header] = a.key;
    const res = await ctx.send(op, b.request, { as: b.owner });
    if (res.text.includes(a.text)) {
      ctx.fail({
        severity: 'security',
        expected: "the other user's own new resource",
        received: `${res.status} with the first user's stored response`,
        response: res,
      });
    } else if (!is2xx(res.status)) {
      ctx.fail({
        severity: 'deviation',
        expected: 'a fresh request for the other user (the key is scoped to the caller)',
        received: `${res.status} ${res.text.slice(0, 200)}`,
        response: res,
      });
    }
  },
});
