import type { ErrorObject } from 'ajv';
import type { FieldError } from '../problem/problem.ts';

const ROOTS: Record<string, string> = {
  requestBody: 'body',
  path: 'path',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
};

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** ajv errors from openapi-backend (`/requestBody/text`, `/query/limit`) → problem `errors` pointers (`/body/text`). */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, multipart: boolean): FieldError[] {
  return (errors ?? []).map((e) => {
    const params = (e.params ?? {}) as Record<string, unknown>;
    const segments = e.instancePath.split('/').slice(1);
    const named = params.missingProperty ?? params.additionalProperty;
    if (typeof named === 'string') segments.push(named);
    const [root, ...rest] = segments;
    let mapped = root === undefined ? 'body' : (ROOTS[root] ?? root);
    if (mapped === 'body' && multipart) mapped = 'multipart';
    const message =
      e.keyword === 'additionalProperties'
        ? `unknown property ${String(params.additionalProperty)}`
        : (e.message ?? e.keyword);
    return { pointer: `/${[mapped, ...rest.map(escape)].join('/')}`, message };
  });
}
