import { pairedOperations } from '../model.ts';
import { finding, type ReviewRule } from './rule.ts';

/** A reader's guarantee on a feed got weaker: a larger staleness bound, another (or no) order, a cursor no longer stable. */
const rule: ReviewRule = {
  id: 'sn-review-feed-guarantee-weakened',
  class: 'breaking',
  description: 'An x-feed guarantee was weakened (larger staleness bound, order or stable-cursor guarantee dropped).',
  check(base, head) {
    return pairedOperations(base, head).flatMap(([b, h]) => {
      const was = b.op['x-feed'];
      const is = h.op['x-feed'];
      if (!was) return [];
      const at = (field: string, clause: string, message: string) =>
        finding(rule, {
          subject: b.id,
          clause,
          message: `\`${b.id}\` x-feed: ${message}.`,
          base: base.at(b.file, `${b.pointer}/x-feed/${field}`),
          head: head.at(h.file, is ? `${h.pointer}/x-feed/${field}` : h.pointer),
        });
      if (!is)
        return [
          at(
            '',
            String(was.clause ?? 'SN-FEED-DESIGN'),
            'the whole x-feed declaration is gone (freshness, order and cursor guarantees)',
          ),
        ];
      const found = [];
      if (was.stalenessMs !== undefined && !(Number(is.stalenessMs) <= Number(was.stalenessMs))) {
        found.push(
          at(
            'stalenessMs',
            'SN-FEED-FRESHNESS',
            `staleness bound ${is.stalenessMs === undefined ? 'dropped' : `raised from ${was.stalenessMs} ms to ${is.stalenessMs} ms`}`,
          ),
        );
      }
      if (was.order !== undefined && JSON.stringify(is.order) !== JSON.stringify(was.order)) {
        found.push(
          at(
            'order',
            'SN-FEED-ORDER',
            `order ${is.order === undefined ? 'guarantee dropped' : `changed from [${was.order}] to [${is.order}]`}`,
          ),
        );
      }
      if (was.cursor === 'stable' && is.cursor !== 'stable') {
        found.push(
          at(
            'cursor',
            'SN-FEED-CURSOR-STABLE',
            `cursor ${is.cursor === undefined ? 'guarantee dropped' : `is \`${is.cursor}\` instead of \`stable\``}`,
          ),
        );
      }
      return found;
    });
  },
};
export default rule;
