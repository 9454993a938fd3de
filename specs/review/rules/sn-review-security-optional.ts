import { pairedOperations } from '../model.ts';
import type { Json } from '../spec-tree.ts';
import { finding, type ReviewRule } from './rule.ts';
import { schemes } from './sn-review-operation-public.ts';

/** `a` asks for at least what `b` asks for (every scheme of `b`, with every scope). */
function covers(a: Json, b: Json): boolean {
  return Object.entries<string[]>(b ?? {}).every(
    ([scheme, scopes]) => Array.isArray(a?.[scheme]) && (scopes ?? []).every((s) => a[scheme].includes(s)),
  );
}

/**
 * The operation still has security, but some way in asks for less than every way the base allowed: an empty
 * requirement `{}` (the token became optional), a scheme dropped from a combination, or a scope dropped.
 */
const rule: ReviewRule = {
  id: 'sn-review-security-optional',
  class: 'security-weakening',
  description:
    'A security requirement was removed or made optional (an empty alternative, a scheme or a scope dropped).',
  check(base, head) {
    return pairedOperations(base, head).flatMap(([b, h]) => {
      if (b.security.length === 0 || h.security.length === 0) return []; // public before, or made public (sn-review-operation-public)
      const weaker = h.security.findIndex((alt: Json) => !b.security.some((old: Json) => covers(alt, old)));
      if (weaker < 0) return [];
      const alt = h.security[weaker];
      const what =
        Object.keys(alt ?? {}).length === 0
          ? 'an empty alternative `{}` makes the token optional'
          : `the alternative ${schemes([alt])} asks for less`;
      return [
        finding(rule, {
          subject: b.id,
          clause: 'SN-AUTHN-NO-BYPASS',
          message: `\`${b.id}\` security weakened: it required ${schemes(b.security)}; now ${what}.`,
          base: base.at(b.file, b.securityPointer),
          head: head.at(h.file, `${h.securityPointer}/${weaker}`),
        }),
      ];
    });
  },
};
export default rule;
