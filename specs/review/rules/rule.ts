// A semantic review rule: one file per rule under specs/review/rules/, listed in ./index.ts, tested by a table in
// specs/review/__tests__/rules/<id>.test.ts. `check` compares two versions and returns what got weaker.
import type { SpecTree } from '../spec-tree.ts';
import type { ChangeClass, RawFinding } from '../types.ts';

export interface ReviewRule {
  id: string;
  class: ChangeClass;
  /** one line for reports and SARIF rule metadata */
  description: string;
  check(base: SpecTree, head: SpecTree): RawFinding[];
}

/** The finding skeleton every rule fills in. */
export function finding(rule: ReviewRule, fields: Omit<RawFinding, 'id' | 'engine' | 'class'>): RawFinding {
  return { id: rule.id, engine: 'socialnet', class: rule.class, ...fields };
}
