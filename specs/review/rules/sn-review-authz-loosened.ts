import { pairedOperations } from '../model.ts';
import type { Json } from '../spec-tree.ts';
import { finding, type ReviewRule } from './rule.ts';

const sameTarget = (a: Json, b: Json) =>
  a?.rule === b?.rule && JSON.stringify(a?.resource ?? null) === JSON.stringify(b?.resource ?? null);

/** An x-authz rule (other than `authenticated`) that the base version enforced is gone, or it now denies with 403 where it said 404. */
const rule: ReviewRule = {
  id: 'sn-review-authz-loosened',
  class: 'security-weakening',
  description: 'An x-authz rule was removed or loosened (e.g. chat-member → authenticated only, or 404 → 403).',
  check(base, head) {
    return pairedOperations(base, head).flatMap(([b, h]) => {
      const before: Json[] = Array.isArray(b.op['x-authz']) ? b.op['x-authz'] : [];
      const after: Json[] = Array.isArray(h.op['x-authz']) ? h.op['x-authz'] : [];
      const headAt = after.length > 0 ? `${h.pointer}/x-authz` : h.pointer;
      const left = after.filter((r) => r?.rule !== 'authenticated').map((r) => r.rule);
      return before.flatMap((r, i) => {
        if (r?.rule === 'authenticated') return [];
        const kept = after.findIndex((a) => sameTarget(a, r));
        const baseAt = base.at(b.file, `${b.pointer}/x-authz/${i}`);
        if (kept < 0) {
          const now =
            left.length > 0
              ? `only ${left.map((x) => `\`${x}\``).join(', ')}`
              : after.length > 0
                ? '`authenticated` only'
                : 'no x-authz at all';
          return [
            finding(rule, {
              subject: b.id,
              clause: r.clause,
              message: `\`${b.id}\` no longer enforces x-authz rule \`${r.rule}\`${r.resource ? ` on ${r.resource.in} \`${r.resource.name}\`` : ''} (${r.clause}); it now has ${now}.`,
              base: baseAt,
              head: head.at(h.file, headAt),
            }),
          ];
        }
        if (Number(r.deny) === 404 && Number(after[kept].deny) !== 404) {
          return [
            finding(rule, {
              subject: b.id,
              clause: 'SN-AUTHZ-NO-EXISTENCE-ORACLE',
              message: `\`${b.id}\`: x-authz rule \`${r.rule}\` now denies with ${after[kept].deny} instead of 404, which tells a caller that the resource exists.`,
              base: base.at(b.file, `${b.pointer}/x-authz/${i}/deny`),
              head: head.at(h.file, `${h.pointer}/x-authz/${kept}/deny`),
            }),
          ];
        }
        return [];
      });
    });
  },
};
export default rule;
