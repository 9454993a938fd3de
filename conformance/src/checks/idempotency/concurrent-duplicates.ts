import { isDeepStrictEqual } from 'node:util';
import { defineCheck } from '../../engine/check.ts';
import { countThroughReads, keyedRequest } from '../../engine/idempotency.ts';
import { is2xx } from '../../engine/verdict.ts';

const COPIES = 5;

/** Identical requests sent at once with one key: one runs, the others replay it or get 409; one resource exists. */
export default defineCheck({
  id: 'idempotency.concurrent-duplicates',
  title: 'Concurrent duplicates with one key create one resource (the rest replay or get 409)',
  clause: 'SN-IDEMPOTENCY-IN-FLIGHT',
  tags: ['idempotency', 'defect:X4'],
  failure: 'Concurrent requests with one Idempotency-Key did not create exactly one resource',
  targets: (spec) => spec.operations.filter((op) => op.idempotency),
  async run(ctx, op) {
    const k = await keyedRequest(ctx, op);
    const responses = await Promise.all(Array.from({ length: COPIES }, () => ctx.send(op, k.request, { as: k.owner })));
    const successes = responses.filter((r) => is2xx(r.status));
    if (successes.length === 0)
      ctx.block(`none of ${COPIES} concurrent requests succeeded: ${responses.map((r) => r.status).join(', ')}`);
    for (const res of responses) {
      if (!is2xx(res.status) && res.status !== 409) {
        ctx.fail({
          severity: 'deviation',
          expected: 'the first response or 409 for a concurrent duplicate',
          received: `${res.status}`,
          response: res,
        });
      } else if (is2xx(res.status) && !isDeepStrictEqual(res.json, successes[0]!.json)) {
        ctx.fail({
          severity: 'deviation',
          expected: 'every success to carry the same stored response',
          received: `a different body: ${res.text.slice(0, 200)}`,
          response: res,
        });
      }
    }
    for (const seen of await countThroughReads(ctx, k)) {
      if (seen.count !== 1) {
        ctx.fail({
          severity: 'deviation',
          expected: `one resource in ${seen.read} after ${COPIES} concurrent duplicates`,
          received: `${seen.count}`,
          response: seen.response,
        });
      }
    }
  },
});
