import { pairedOperations } from '../model.ts';
import { finding, type ReviewRule } from './rule.ts';

/** Seconds of an ISO 8601 duration such as PT24H or P1DT2H (undefined when it is not one). */
export function durationSeconds(text: unknown): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(String(text ?? ''));
  if (!m) return undefined;
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60 + Number(s);
}

/** A client's retry stops being safe: x-idempotency removed, its header renamed, or its key kept for less time. */
const rule: ReviewRule = {
  id: 'sn-review-idempotency-weakened',
  class: 'breaking',
  description: 'An x-idempotency requirement was removed, its header renamed or its key lifetime shortened.',
  check(base, head) {
    return pairedOperations(base, head).flatMap(([b, h]) => {
      const before = b.op['x-idempotency'];
      const after = h.op['x-idempotency'];
      if (!before) return [];
      const where = {
        subject: b.id,
        clause: 'SN-IDEMPOTENCY-REPLAY',
        base: base.at(b.file, `${b.pointer}/x-idempotency`),
      };
      if (!after) {
        return [
          finding(rule, {
            ...where,
            message: `\`${b.id}\` lost x-idempotency: a client retrying it with ${before.header} may now run it twice.`,
            head: head.at(h.file, h.pointer),
          }),
        ];
      }
      const problems: string[] = [];
      if (after.header !== before.header)
        problems.push(`its key header changed from ${before.header} to ${after.header}`);
      const [was, is] = [durationSeconds(before.ttl), durationSeconds(after.ttl)];
      if (was !== undefined && (is === undefined || is < was))
        problems.push(`its keys are kept for ${after.ttl} instead of ${before.ttl}`);
      if (problems.length === 0) return [];
      return [
        finding(rule, {
          ...where,
          message: `\`${b.id}\` x-idempotency weakened: ${problems.join('; ')}.`,
          head: head.at(h.file, `${h.pointer}/x-idempotency`),
        }),
      ];
    });
  },
};
export default rule;
