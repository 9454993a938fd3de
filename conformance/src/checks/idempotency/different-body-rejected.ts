import { defineCheck } from '../../engine/check.ts';
import { keyedRequest, sendFirst } from '../../engine/idempotency.ts';

/** The same key with another body is refused with 422 (draft-ietf-httpapi-idempotency-key-header). */
export default defineCheck({
  id: 'idempotency.different-body-rejected',
  title: 'The same Idempotency-Key with a different body gets 422',
  clause: 'SN-IDEMPOTENCY-MISMATCH',
  tags: ['idempotency', 'defect:X4'],
  failure: 'A reused Idempotency-Key with a different body was not refused with 422',
  targets: (spec) => spec.operations.filter((op) => op.idempotency),
  async run(ctx, op) {
    const k = await keyedRequest(ctx, op);
    await sendFirst(ctx, op, k);
    const other = (await k.resolver.fill(op, { text: ctx.canary('other') }))!;
    other.headers[k.header] = k.key;
    const res = await ctx.send(op, other, { as: k.owner });
    if (res.status !== 422) {
      ctx.fail({
        severity: 'deviation',
        expected: '422 for the same key with another body',
        received: `${res.status} ${res.text.slice(0, 200)}`,
        response: res,
      });
    }
  },
});
