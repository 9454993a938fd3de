import { defineCheck } from '../../engine/check.ts';
import { hasRule, judgeStranger, strangerAttempt } from '../../engine/authz.ts';

/** Operations on "the user named in the path/body" refuse every other signed-in user. */
export default defineCheck({
  id: 'authz.self',
  title: "A signed-in user gets the specified status on another user's self-only operations",
  clause: 'SN-AUTHZ-SELF-NOTIFICATIONS',
  tags: ['authz', 'defect:D5'],
  failure: "Another user's self-only operation was not refused as the spec says",
  targets: (spec) => spec.operations.filter((op) => hasRule(op, 'self')),
  async run(ctx, op) {
    await judgeStranger(ctx, await strangerAttempt(ctx, op));
  },
});
