import { defineCheck } from '../../engine/check.ts';
import { changes, snapshot, strangerAttempt, strangerDenial } from '../../engine/authz.ts';

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
    const attempt = await strangerAttempt(ctx, op, undefined, true);
    const after = await snapshot(ctx, attempt.owner, attempt.resolver);
    for (const change of changes(attempt.before!, after)) {
      ctx.fail({
        severity: 'security',
        clause: strangerDenial(op)?.clause,
        expected: `${change.read} as the owner unchanged after the stranger's ${op.operationId} (${attempt.response.status})`,
        received: `before: ${JSON.stringify(change.before).slice(0, 300)}\n          after:  ${JSON.stringify(change.after).slice(0, 300)}`,
        response: attempt.response,
      });
    }
  },
});
