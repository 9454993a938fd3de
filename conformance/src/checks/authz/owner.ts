import { defineCheck } from '../../engine/check.ts';
import { hasRule, judgeStranger, strangerAttempt } from '../../engine/authz.ts';

/** Comments, media and notifications can be changed only by their owner. */
export default defineCheck({
  id: 'authz.owner',
  title: "A signed-in user gets the specified status on another user's owned resource",
  clause: 'SN-AUTHZ-OWNER',
  tags: ['authz', 'defect:X1'],
  failure: "Another user's resource was not protected as the spec says",
  targets: (spec) => spec.operations.filter((op) => hasRule(op, 'owner')),
  async run(ctx, op) {
    await judgeStranger(ctx, await strangerAttempt(ctx, op));
  },
});
