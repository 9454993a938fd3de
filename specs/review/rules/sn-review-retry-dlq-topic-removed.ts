import { channels } from '../model.ts';
import { finding, type ReviewRule } from './rule.ts';

const RETRY_OR_DLQ = /\.(retry\.\d+|dlq)$/;

/** A retry or dead-letter topic of the base version has no channel any more (removed, or its address renamed). */
const rule: ReviewRule = {
  id: 'sn-review-retry-dlq-topic-removed',
  class: 'breaking',
  description: 'A retry or dead-letter topic was removed or renamed.',
  check(base, head) {
    const after = channels(head);
    return channels(base)
      .filter((c) => RETRY_OR_DLQ.test(c.address) && !after.some((a) => a.address === c.address))
      .map((c) => {
        const kind = c.address.endsWith('.dlq') ? 'dead-letter' : 'retry';
        const same = after.find((a) => a.file === c.file && a.id === c.id);
        return finding(rule, {
          subject: c.address,
          clause: kind === 'dead-letter' ? 'SN-EVENTS-DLQ' : 'SN-EVENTS-RETRY',
          message: same
            ? `The ${kind} topic \`${c.address}\` was renamed to \`${same.address}\` (channel \`${c.id}\`): records waiting in it are stranded and tools reading it find nothing.`
            : `The ${kind} topic \`${c.address}\` (channel \`${c.id}\`) was removed: records waiting in it are stranded and its consumer loses that step.`,
          base: base.at(c.file, `${c.pointer}/address`),
          ...(same
            ? { head: head.at(same.file, `${same.pointer}/address`) }
            : head.doc(c.file)
              ? { head: head.at(c.file, '/channels') }
              : {}),
        });
      });
  },
};
export default rule;
