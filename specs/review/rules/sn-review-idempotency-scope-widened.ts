import { pairedOperations } from '../model.ts';
import { finding, type ReviewRule } from './rule.ts';

/**
 * Idempotency keys scoped to the caller became shared more widely: user B's request with user A's key would be
 * answered with A's stored response (SN-IDEMPOTENCY-SCOPE).
 */
const rule: ReviewRule = {
  id: 'sn-review-idempotency-scope-widened',
  class: 'security-weakening',
  description:
    "An x-idempotency key scope was widened beyond the caller (one user's replay reaches another's response).",
  check(base, head) {
    return pairedOperations(base, head).flatMap(([b, h]) => {
      const was = b.op['x-idempotency']?.scope;
      const is = h.op['x-idempotency']?.scope;
      if (was !== 'caller' || is === undefined || is === 'caller') return [];
      return [
        finding(rule, {
          subject: b.id,
          clause: 'SN-IDEMPOTENCY-SCOPE',
          message: `\`${b.id}\` x-idempotency scope widened from \`caller\` to \`${is}\`: a key replayed by another user returns this user's stored response.`,
          base: base.at(b.file, `${b.pointer}/x-idempotency`),
          head: head.at(h.file, `${h.pointer}/x-idempotency`),
        }),
      ];
    });
  },
};
export default rule;
