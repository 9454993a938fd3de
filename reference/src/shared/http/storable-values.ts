import { ProblemError, type FieldError } from '../problem/problem.ts';
import { MAX_JSON_DEPTH } from './json-depth.ts';

/** At most this many value errors are reported; a body full of them is refused just the same. */
const MAX_REPORTED = 20;
const LONE_SURROGATE = /\p{Cs}/u;

const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Why a string cannot be stored as sent: PostgreSQL text and jsonb refuse U+0000; a lone surrogate is not Unicode. */
function stringProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'U+0000 (NUL) is not accepted in text';
  if (LONE_SURROGATE.test(s)) return 'not valid Unicode (a lone surrogate)';
  return undefined;
}

/**
 * Refuses, with a pointer to each, the values of a request that the platform cannot hold exactly:
 * - integers beyond 2^53-1: JSON numbers become IEEE doubles in JavaScript, so 9223372036854775806 has already become
 *   9223372036854775808; refused instead of storing or looking up another number (no id the reference issues comes
 *   near that bound);
 * - text (values and object keys) with U+0000, which PostgreSQL's text and jsonb cannot store, or with a lone
 *   surrogate, which would be stored as U+FFFD: refused here as validation, never left to the database's error.
 * Iterative and bounded: depth is capped (bodies were already held to MAX_JSON_DEPTH when parsed) and the walk stops
 * after MAX_REPORTED findings.
 */
export function rejectUnstorableValues(parts: Record<string, unknown>, pathIdsAre404: boolean): void {
  const errors: FieldError[] = [];
  const stack: { value: unknown; pointer: string; depth: number }[] = Object.entries(parts).map(([root, value]) => ({
    value,
    pointer: `/${root}`,
    depth: 0,
  }));
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value, pointer, depth } = stack.pop()!;
    if (typeof value === 'number') {
      if (Number.isInteger(value) && !Number.isSafeInteger(value))
        errors.push({ pointer, message: 'integers beyond 2^53-1 are not supported' });
    } else if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) errors.push({ pointer, message: problem });
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      if (depth >= MAX_JSON_DEPTH) {
        errors.push({ pointer, message: `nested deeper than ${MAX_JSON_DEPTH} levels` });
        continue;
      }
      for (const [k, v] of Object.entries(value)) {
        const child = `${pointer}/${pointerSegment(k)}`;
        const keyProblem = stringProblem(k);
        if (keyProblem) errors.push({ pointer: child, message: `property name: ${keyProblem}` });
        stack.push({ value: v, pointer: child, depth: depth + 1 });
      }
    }
  }
  // an id in the path that large names no resource this implementation can hold (where the operation has a 404)
  const unsafePathId = errors.some((e) => e.pointer.startsWith('/path/') && e.message.startsWith('integers'));
  if (pathIdsAre404 && unsafePathId) throw new ProblemError('not-found', 'no resource has this id');
  if (errors.length > 0)
    throw new ProblemError('validation-failed', 'a value cannot be stored as sent', {
      errors: errors.sort((a, b) => a.pointer.localeCompare(b.pointer)),
    });
}
