import { defineCheck } from '../../engine/check.ts';
import { hasRule, judgeStranger, strangerAttempt } from '../../engine/authz.ts';

/** Admin operations refuse a signed-in user without the admin role. */
export default defineCheck({
  id: 'authz.admin',
  title: 'A signed-in user without the admin role gets the specified status on admin operations',
  clause: 'SN-AUTHZ-ADMIN',
  tags: ['authz', 'defect:X2'],
  failure: 'An admin operation was not refused to a user without the admin role',
  targets: (spec) => spec.operations.filter((op) => hasRule(op, 'admin')),
  async run(ctx, op) {
    await judgeStranger(ctx, await strangerAttempt(ctx, op));
  },
});
