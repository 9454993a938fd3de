import type { SeenRecord } from '../../engine/kafka.ts';
import type { ConsumerTarget } from './consumer-spec.ts';
import type { OutgoingRecord, Produced } from './kafka-io.ts';

/** The value encodings of components/dlq.yaml#/x-header-profiles, as patterns (utf8 ones only need a value). */
const ENCODINGS: Record<string, RegExp> = {
  'decimal-int32': /^(0|[1-9][0-9]{0,9})$/,
  'decimal-int64': /^(0|[1-9][0-9]{0,18})$/,
  'decimal-epoch-ms': /^(0|[1-9][0-9]{0,18})$/,
  'rfc3339-utc': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/,
};

/**
 * What is wrong with a dead-letter record of `poison` (produced at `at`): its key, the original headers it must keep
 * unchanged, and each header of the profile (present, well encoded, and equal to the original coordinates and the
 * group where the spec fixes them).
 */
export function headerProblems(t: ConsumerTarget, dead: SeenRecord, poison: OutgoingRecord, at: Produced): string[] {
  const problems: string[] = [];
  if (dead.key !== poison.key)
    problems.push(`key ${JSON.stringify(dead.key)} instead of ${JSON.stringify(poison.key)}`);
  for (const [name, value] of Object.entries(poison.headers))
    if (dead.headers[name] !== value)
      problems.push(
        `original header ${name} ${dead.headers[name] === undefined ? 'missing' : `changed to ${JSON.stringify(dead.headers[name])}`}`,
      );
  const due: Record<string, string> = {
    'dlq-original-topic': t.topic,
    'dlq-original-partition': String(at.partition),
    'dlq-original-offset': at.offset,
    'dlq-consumer-group': t.group,
  };
  for (const [name, encoding] of Object.entries(t.dlqHeaders)) {
    const value = dead.headers[name];
    if (value === undefined || value === '') problems.push(`no ${name} header`);
    else if (ENCODINGS[encoding] && !ENCODINGS[encoding]!.test(value))
      problems.push(`${name} ${JSON.stringify(value)} is not ${encoding}`);
    else if (t.dlqEnums[name] && !t.dlqEnums[name]!.includes(value))
      problems.push(`${name} ${JSON.stringify(value)} is not one of ${t.dlqEnums[name]!.join(', ')}`);
    else if (due[name] !== undefined && value !== due[name])
      problems.push(`${name} ${JSON.stringify(value)} instead of ${JSON.stringify(due[name])}`);
  }
  return problems;
}
