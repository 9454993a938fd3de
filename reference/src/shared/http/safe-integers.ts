import { ProblemError, type FieldError } from '../problem/problem.ts';

/**
 * JSON numbers become IEEE doubles in JavaScript, so an integer beyond 2^53-1 has already lost its value by the
 * time we see it (9223372036854775806 arrives as 9223372036854775808). Refuse it clearly instead of storing or
 * looking up a different number. No id the reference issues comes near that bound.
 */
export function rejectUnsafeIntegers(parts: Record<string, unknown>, pathIdsAre404: boolean): void {
  const errors: FieldError[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      errors.push({ pointer, message: 'integers beyond 2^53-1 are not supported' });
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  for (const [root, value] of Object.entries(parts)) walk(value, `/${root}`);
  // an id in the path that large names no resource this implementation can hold (where the operation has a 404)
  if (pathIdsAre404 && errors.some((e) => e.pointer.startsWith('/path/'))) throw new ProblemError('not-found', 'no resource has this id');
  if (errors.length > 0) throw new ProblemError('validation-failed', 'an integer is too large to be represented exactly', { errors });
}
