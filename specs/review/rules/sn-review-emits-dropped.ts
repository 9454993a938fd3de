import { pairedOperations } from '../model.ts';
import type { Json } from '../spec-tree.ts';
import { finding, type ReviewRule } from './rule.ts';

/** Consumers of an event lose it: an x-emits entry disappeared (or its channel was renamed), or its record key changed. */
const rule: ReviewRule = {
  id: 'sn-review-emits-dropped',
  class: 'breaking',
  description: 'An x-emits event was dropped or renamed, or its record key changed.',
  check(base, head) {
    return pairedOperations(base, head).flatMap(([b, h]) => {
      const before: Json[] = Array.isArray(b.op['x-emits']) ? b.op['x-emits'] : [];
      const after: Json[] = Array.isArray(h.op['x-emits']) ? h.op['x-emits'] : [];
      const added = after.filter((a) => !before.some((e) => e?.channel === a?.channel)).map((a) => a.channel);
      return before.flatMap((e, i) => {
        const at = { subject: b.id, clause: 'SN-EVENTS-EMIT', base: base.at(b.file, `${b.pointer}/x-emits/${i}`) };
        const kept = after.findIndex((a) => a?.channel === e?.channel);
        if (kept < 0) {
          const renamed = added.length > 0 ? `; renamed to ${added.map((c) => `\`${c}\``).join(', ')}?` : '';
          return [
            finding(rule, {
              ...at,
              message: `\`${b.id}\` no longer emits \`${e.channel}\`: its consumers stop receiving the event${renamed}.`,
              head: head.at(h.file, after.length > 0 ? `${h.pointer}/x-emits` : h.pointer),
            }),
          ];
        }
        if (after[kept].key !== e.key) {
          return [
            finding(rule, {
              ...at,
              message: `\`${b.id}\` emits \`${e.channel}\` keyed by \`${after[kept].key}\` instead of \`${e.key}\`: per-key order changes for consumers.`,
              head: head.at(h.file, `${h.pointer}/x-emits/${kept}/key`),
            }),
          ];
        }
        return [];
      });
    });
  },
};
export default rule;
