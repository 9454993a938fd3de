import { isDeepStrictEqual } from 'node:util';
import { defineCheck } from '../../engine/check.ts';
import { countThroughReads, keyedRequest, sendFirst } from '../../engine/idempotency.ts';

/** A replay with the same key and body returns the stored first response and creates nothing more. */
export default defineCheck({
  id: 'idempotency.replay-same-response',
  title: 'A replay returns the first response, marked Idempotent-Replayed, and creates one resource',
  clause: 'SN-IDEMPOTENCY-REPLAY',
  tags: ['idempotency', 'defect:X4'],
  failure: 'A replayed request was not answered with the stored first response',
  targets: (spec) => spec.operations.filter((op) => op.idempotency),
  async run(ctx, op) {
    const k = await keyedRequest(ctx, op);
    const first = await sendFirst(ctx, op, k);
    const replay = await ctx.send(op, k.request, { as: k.owner });
    if (replay.status !== first.status || !isDeepStrictEqual(replay.json, first.json)) {
      ctx.fail({
        severity: 'deviation',
        expected: `${first.status} with the first response's body`,
        received: `${replay.status} ${replay.text.slice(0, 200)}`,
        response: replay,
      });
    } else if (replay.headers['idempotent-replayed'] !== 'true') {
      ctx.fail({
        severity: 'deviation',
        expected: 'Idempotent-Replayed: true on the replay',
        received: `Idempotent-Replayed: ${replay.headers['idempotent-replayed'] ?? '(absent)'}`,
        response: replay,
      });
    }
    for (const seen of await countThroughReads(ctx, k)) {
      if (seen.count !== 1) {
        ctx.fail({
          severity: 'deviation',
          expected: `one resource in ${seen.read} after a request and its replay`,
          received: `${seen.count}`,
          response: seen.response,
        });
      }
    }
  },
});
