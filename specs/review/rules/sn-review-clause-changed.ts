import { clauses, normalized } from '../model.ts';
import { finding, type ReviewRule } from './rule.ts';

/** Findings, lint rules and implementations cite clause ids: one that disappears or says something else breaks them. */
const rule: ReviewRule = {
  id: 'sn-review-clause-changed',
  class: 'breaking',
  description: 'A clause id was removed from a clause registry, or its title or rule was reworded.',
  check(base, head) {
    const after = new Map(clauses(head).map((c) => [`${c.file}#${c.id}`, c]));
    return clauses(base).flatMap((c) => {
      const now = after.get(`${c.file}#${c.id}`);
      const at = { subject: c.id, clause: c.id, base: base.at(c.file, c.pointer) };
      if (!now)
        return [
          finding(rule, {
            ...at,
            message: `Clause \`${c.id}\` was removed from ${c.file}; findings, rules and implementations that cite it lose their reference.`,
          }),
        ];
      const changed = (['title', 'rule'] as const).filter((f) => normalized(c[f]) !== normalized(now[f]));
      if (changed.length === 0) return [];
      return [
        finding(rule, {
          ...at,
          message: `Clause \`${c.id}\` was reworded (${changed.join(' and ')}) in ${c.file}: what implementations were checked against changed.`,
          head: head.at(now.file, `${now.pointer}/${changed[0]}`),
        }),
      ];
    });
  },
};
export default rule;
