import { pairedOperations } from '../model.ts';
import { finding, type ReviewRule } from './rule.ts';

/** A secured operation that needs no credential any more (`security: []`, or the document's security gone). */
const rule: ReviewRule = {
  id: 'sn-review-operation-public',
  class: 'security-weakening',
  description: 'An operation that required a token is now public.',
  check(base, head) {
    return pairedOperations(base, head).flatMap(([b, h]) => {
      if (b.security.length === 0 || h.security.length > 0) return [];
      const reason = h.op['x-public']?.reason;
      return [
        finding(rule, {
          subject: b.id,
          clause: 'SN-AUTHN-NO-BYPASS',
          message: `\`${b.id}\` (${b.method.toUpperCase()} ${b.path}) is now public: it required ${schemes(b.security)} and now requires no token${reason ? ` (x-public reason: "${reason}")` : ''}.`,
          base: base.at(b.file, b.securityPointer),
          head: head.at(h.file, h.op.security ? `${h.pointer}/security` : h.pointer),
        }),
      ];
    });
  },
};

export function schemes(alternatives: Array<Record<string, unknown>>): string {
  return alternatives
    .map(
      (a) =>
        Object.keys(a ?? {})
          .map((k) => `\`${k}\``)
          .join(' + ') || 'nothing',
    )
    .join(' or ');
}
export default rule;
