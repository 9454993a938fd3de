import { defineCheck } from '../../engine/check.ts';
import { judgeProblem } from '../../engine/contract.ts';
import type { HttpResponse } from '../../engine/http.ts';
import { fillOrSample } from '../../engine/fill-or-sample.ts';

/** Errors of every operation (missing token, malformed body, unknown id) use the one problem+json shape. */
export default defineCheck({
  id: 'contract.problem-shape',
  title: 'Every error response is RFC 9457 problem+json with the spec’s Problem schema',
  clause: 'SN-ERROR-SHAPE',
  tags: ['contract', 'defect:X6'],
  failure: 'An error response does not use the problem+json shape',
  targets: (spec) =>
    spec.operations.filter((op) => op.secured || op.requestBody || op.parameters.some((p) => p.in === 'path')),
  async run(ctx, op) {
    const owner = await ctx.user('owner');
    const req = await fillOrSample(ctx, op, owner, true);
    // Only errors are judged here: whether they should have been errors is the other checks' business.
    const judge = (res: HttpResponse, what: string) => res.status >= 400 && judgeProblem(ctx, res, what);
    if (op.secured) judge(await ctx.send(op, req, { as: null, refusalExpected: true }), 'a request without a token');
    if (op.requestBody?.content['application/json'])
      judge(
        await ctx.send(op, req, { as: owner, raw: '{"malformed json', refusalExpected: true }),
        'a malformed JSON body',
      );
    const numeric = op.parameters.find((p) => p.in === 'path' && /integer|number/.test(p.schema?.type ?? ''));
    if (numeric) {
      judge(
        await ctx.send(
          op,
          { ...req, path: { ...req.path, [numeric.name]: '999999999' } },
          { as: owner, refusalExpected: true },
        ),
        `${numeric.name} of a resource that does not exist`,
      );
    }
  },
});
