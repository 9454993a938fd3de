import { eventFields, type EventField } from '../event-fields.ts';
import { finding, type ReviewRule } from './rule.ts';

const signature = (f: EventField) =>
  [f.type, f.format, f.const === undefined ? undefined : JSON.stringify(f.const)].filter(Boolean).join(' ');

/**
 * A header or payload field of an event (the CloudEvents envelope, retry and DLQ headers, payload properties) was
 * removed or changed type. Reported once where the field is written, naming every channel that carries it.
 */
const rule: ReviewRule = {
  id: 'sn-review-envelope-field-removed',
  class: 'breaking',
  description: 'An event envelope field or header was removed or retyped.',
  check(base, head) {
    const after = new Map(eventFields(head).map((f) => [f.key, f]));
    const grouped = new Map<string, { was: EventField; is?: EventField; channels: Set<string> }>();
    for (const was of eventFields(base)) {
      const is = after.get(was.key);
      if (is && signature(is) === signature(was)) continue;
      const at = `${was.origin.file}#${was.origin.pointer}`;
      const entry = grouped.get(at) ?? { was, is, channels: new Set<string>() };
      entry.channels.add(was.channel);
      grouped.set(at, entry);
    }
    return [...grouped.values()].map(({ was, is, channels }) => {
      const what = `${was.part === 'headers' ? 'header' : 'payload field'} \`${was.name}\``;
      const on = [...channels].sort().join(', ');
      return finding(rule, {
        subject: on,
        clause: was.part === 'headers' ? 'SN-EVENTS-ENVELOPE' : 'SN-EVENTS-EMIT',
        message: is
          ? `Event ${what} on ${on} changed type from \`${signature(was) || 'any'}\` to \`${signature(is) || 'any'}\`: consumers reading it break.`
          : `Event ${what} on ${on} was removed: consumers reading it break.`,
        base: base.at(was.origin.file, was.origin.pointer),
        ...(is ? { head: head.at(is.origin.file, is.origin.pointer) } : {}),
      });
    });
  },
};
export default rule;
