import { defineCheck } from '../../engine/check.ts';
import { judgeDocumented } from '../../engine/contract.ts';

/** A valid request from the owner gets a documented status whose body matches the documented schema. */
export default defineCheck({
  id: 'contract.response-schema',
  title: 'Every response has a documented status and matches its schema',
  clause: 'SN-ERROR-STATUS',
  tags: ['contract', 'defect:X7'],
  failure: 'A response does not match the spec',
  targets: (spec) => spec.operations,
  async run(ctx, op) {
    const owner = await ctx.user('owner');
    const as = op.authz.some((r) => r.rule === 'admin') && ctx.canAdmin ? await ctx.admin(owner) : owner;
    const req = (await ctx.resolver(owner).fill(op))!;
    judgeDocumented(ctx, op, await ctx.send(op, req, { as: op.secured ? as : null }));
  },
});
