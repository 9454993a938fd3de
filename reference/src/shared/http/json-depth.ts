import { ProblemError } from '../problem/problem.ts';

/** How deep a JSON body may nest (objects and arrays). No operation's schema comes near it; free-form fields obey it too. */
export const MAX_JSON_DEPTH = 64;

const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The pointer of the first value nested deeper than `maxDepth`, or undefined. Iterative (an explicit stack), so a
 * body of 10,000 levels costs one pass and no call stack: every later walk (ajv, the value checks, the idempotency
 * fingerprint, a handler's JSON.stringify) only ever sees bounded depth.
 */
export function firstTooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH, root = '/body'): string | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, pointer, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= maxDepth) return pointer;
    for (const [k, child] of Object.entries(v))
      stack.push({ value: child, pointer: `${pointer}/${pointerSegment(k)}`, depth: depth + 1 });
  }
  return undefined;
}

/** 400 `validation-failed` when a parsed body nests deeper than MAX_JSON_DEPTH; checked as soon as the body is parsed. */
export function checkJsonDepth(body: unknown): void {
  const pointer = firstTooDeep(body);
  if (pointer !== undefined) {
    throw new ProblemError('validation-failed', `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, {
      errors: [{ pointer, message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
    });
  }
}
