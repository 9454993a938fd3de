import type { OpenAPIV3 } from 'openapi-types';
import { HTTP_METHODS } from '@socialnet/specs/model';
import type { OperationEntry } from '../../src/shared/spec/load-spec.ts';

type Schema = OpenAPIV3.SchemaObject;

export interface InvalidRequest {
  why: string;
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | FormData | Uint8Array;
  /** Expected status when the case names one exactly (415, 413, 405); otherwise any 4xx. */
  status?: number;
}

const wrongValue = (s: Schema | undefined): unknown =>
  s?.type === 'string'
    ? 12345
    : s?.type === 'integer' || s?.type === 'number'
      ? 'not-a-number'
      : s?.type === 'array'
        ? 'not-an-array'
        : s?.type === 'boolean'
          ? 'yes'
          : s?.type === 'object'
            ? 7
            : { unexpected: true };

/** A value the path parameter accepts, so a case can break one thing at a time. */
export function validPathValue(s: Schema | undefined, userId: string): string {
  if (s?.type === 'integer') return '1';
  if (s?.pattern?.includes('[0-9]+-[0-9a-f]')) return userId;
  return `${userId}_20260101T000000_a.txt`;
}

function pathWith(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? 'x'));
}

/** Invalid requests derived from one operation's schema: every one must get a 4xx problem, never a 5xx. */
export function invalidRequestsFor(entry: OperationEntry, userId: string, methodsOnPath: string[]): InvalidRequest[] {
  const op = entry.operation;
  const method = entry.method.toUpperCase();
  const params = (op.parameters ?? []) as OpenAPIV3.ParameterObject[];
  const pathParams = params.filter((p) => p.in === 'path');
  const good = Object.fromEntries(pathParams.map((p) => [p.name, validPathValue(p.schema as Schema, userId)]));
  const requiredQuery = params
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${(p.schema as Schema)?.type === 'integer' ? '1' : 'x'}`);
  const baseQuery = requiredQuery.join('&');
  const path = pathWith(entry.path, good);
  const cases: InvalidRequest[] = [];
  const add = (c: Omit<InvalidRequest, 'method' | 'path'> & { path?: string; method?: string }) =>
    cases.push({ method, path, query: baseQuery, ...c });

  for (const p of pathParams) {
    const s = p.schema as Schema;
    const bad =
      s?.type === 'integer'
        ? ['abc', '0', '-1', '99999999999999999999999', '1.5']
        : ['%20', 'a'.repeat(500), '..%2F..%2Fetc'];
    for (const value of bad)
      add({
        why: `bad path ${p.name}=${value}`,
        path: pathWith(entry.path, { ...good, [p.name]: decodeURIComponent(value) }),
      });
  }
  for (const p of params.filter((q) => q.in === 'query')) {
    const s = p.schema as Schema;
    const bounds =
      s?.type === 'integer'
        ? [
            s.minimum !== undefined ? String(s.minimum - 1) : '',
            s.maximum !== undefined ? String(s.maximum + 1) : '',
          ].filter(Boolean)
        : [];
    const bad =
      p.name === 'cursor'
        ? ['!!!', 'eyJpZCI6Im5vIn0']
        : s?.type === 'integer'
          ? [...bounds, 'x', '1.5', '-99999999999999999999']
          : [];
    for (const value of bad)
      add({
        why: `bad query ${p.name}=${value}`,
        query: [baseQuery, `${p.name}=${encodeURIComponent(value)}`].filter(Boolean).join('&'),
      });
  }
  if (method === 'GET' || method === 'DELETE')
    add({ why: 'unknown query parameter', query: [baseQuery, 'no_such_param=1'].filter(Boolean).join('&') });

  const content = (op.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content ?? {};
  const json = content['application/json']?.schema as Schema | undefined;
  if (json) {
    const json400 = (body: unknown, why: string) =>
      add({ why, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    add({ why: 'malformed JSON', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    add({ why: 'JSON that is not an object', headers: { 'content-type': 'application/json' }, body: '"text"' });
    add({ why: 'unsupported media type', headers: { 'content-type': 'text/plain' }, body: 'hello', status: 415 });
    add({
      why: 'body over 1 MiB',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }),
      status: 413,
    });
    if (json.required?.length) json400({}, 'missing required fields');
    for (const [name, prop] of Object.entries((json.properties ?? {}) as Record<string, Schema>)) {
      json400({ [name]: wrongValue(prop) }, `wrong type for ${name}`);
      if (prop.maxLength !== undefined) json400({ [name]: 'x'.repeat(prop.maxLength + 1) }, `${name} over maxLength`);
      if (prop.type === 'integer' && prop.minimum !== undefined)
        json400({ [name]: prop.minimum - 1 }, `${name} below minimum`);
    }
    if (json.additionalProperties === false) json400({ no_such_field: 1 }, 'unknown field');
  }
  const multipart = content['multipart/form-data']?.schema as Schema | undefined;
  if (multipart) {
    const fd = (fields: Record<string, string>, file?: Uint8Array) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      if (file) f.append('file', new Blob([new Uint8Array(file)], { type: 'application/octet-stream' }), 'f.bin');
      return f;
    };
    add({ why: 'multipart without the file', body: fd({ chat_id: '1', description: 'd' }) });
    add({
      why: 'multipart with a wrong-typed field',
      body: fd({ chat_id: 'abc', description: '' }, new Uint8Array([1])),
    });
    add({
      why: 'multipart with an unknown file field',
      body: (() => {
        const f = fd({ chat_id: '1', description: 'd' });
        f.append('other', new Blob(['x']), 'o.txt');
        return f;
      })(),
    });
    add({
      why: 'multipart file over 10 MiB',
      body: fd({ chat_id: '1', description: 'd' }, new Uint8Array(10 * 1024 * 1024 + 1)),
      status: 413,
    });
    add({
      why: 'broken multipart framing',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="x"\r\n\r\nunterminated',
    });
    add({
      why: 'JSON sent to a multipart operation',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      status: 415,
    });
  }
  const other = HTTP_METHODS.map((m) => m.toUpperCase()).find((m) => !methodsOnPath.includes(m));
  if (other) add({ why: `method ${other} not allowed`, method: other, status: 405 });
  return cases;
}
