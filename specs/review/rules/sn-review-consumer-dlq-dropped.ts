import { asyncOperations } from '../model.ts';
import { finding, type ReviewRule } from './rule.ts';

/** A consumer that dead-lettered poison records does not any more: they now block the partition or vanish. */
const rule: ReviewRule = {
  id: 'sn-review-consumer-dlq-dropped',
  class: 'breaking',
  description: "A consumer's dead-letter queue (x-consumer.dlq) was dropped.",
  check(base, head) {
    const after = asyncOperations(head);
    return [...asyncOperations(base)].flatMap(([key, b]) => {
      const h = after.get(key);
      const dlq = b.op?.['x-consumer']?.dlq;
      if (!dlq || !h || h.op?.['x-consumer']?.dlq) return [];
      const group = b.op['x-consumer'].group;
      return [
        finding(rule, {
          subject: b.id,
          clause: String(dlq.clause ?? 'SN-EVENTS-DLQ'),
          message: `Consumer \`${b.id}\`${group ? ` (group ${group})` : ''} on \`${b.address}\` no longer declares its dead-letter topic \`${dlq.topic ?? dlq.channel}\`.`,
          base: base.at(b.file, `${b.pointer}/x-consumer/dlq`),
          head: head.at(h.file, h.op?.['x-consumer'] ? `${h.pointer}/x-consumer` : h.pointer),
        }),
      ];
    });
  },
};
export default rule;
