// The reference replaces two openapi-backend internals for speed (src/shared/http/fast-router.ts and
// fast-request-parser.ts). This holds them to the library's own answers on every operation of every service document.
import { HTTP_METHODS } from '@socialnet/specs/model';
import { OpenAPIBackend } from 'openapi-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { installFastRequestParser } from '../src/shared/http/fast-request-parser.ts';
import { installFastRouter } from '../src/shared/http/fast-router.ts';
import { loadSpec, operationsOf } from '../src/shared/spec/load-spec.ts';

const SERVICE_DOCS = [
  'users.yaml',
  'posts.yaml',
  'media.yaml',
  'feed.yaml',
  'chats.yaml',
  'notifications.yaml',
  'feedback.yaml',
];
const PARAM_VALUES = ['42', 'abc', 'a%20b%2Fc', ''];
const QUERIES: Record<string, unknown>[] = [
  {},
  { limit: '5' },
  { limit: '5', cursor: 'eyJpZCI6MX0' },
  { tag: ['a', 'b'], unknown: 'x' },
];
const HEADERS = { authorization: 'Bearer t', 'content-type': 'application/json', 'x-request-id': 'r1' };

async function backends(file: string) {
  const make = async () => {
    const api: OpenAPIBackend = new OpenAPIBackend({
      definition: (await loadSpec(file)) as never,
      strict: true,
      validate: false,
      quick: true,
    });
    await api.init();
    return api;
  };
  const [library, fast] = [await make(), await make()];
  installFastRouter(fast);
  installFastRequestParser(fast);
  return { library, fast };
}

const outcome = (fn: () => unknown) => {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

for (const file of SERVICE_DOCS) {
  describe(`openapi-backend speed-ups agree with the library on ${file}`, () => {
    let apis: Awaited<ReturnType<typeof backends>>;
    beforeAll(async () => {
      apis = await backends(file);
    });

    it('match the same operation (or fail the same way) for every path, method and parameter value', async () => {
      const doc = await loadSpec(file);
      let compared = 0;
      for (const { path } of operationsOf(doc)) {
        for (const value of PARAM_VALUES) {
          const concrete = path.replace(/\{[^}]+\}/g, value);
          for (const candidate of [concrete, `${concrete}/`, `${concrete}/extra`, `/api${concrete}`]) {
            for (const method of HTTP_METHODS) {
              const req = { method, path: candidate, headers: HEADERS, query: {} };
              const match = (api: OpenAPIBackend) =>
                outcome(() => api.router.matchOperation(req as never, true)?.operationId);
              expect(match(apis.fast), `${method} ${candidate}`).toEqual(match(apis.library));
              compared++;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(100);
    });

    it('parse any byte sequence in a path parameter without throwing (the library throws a URIError)', async () => {
      const doc = await loadSpec(file);
      let parsed = 0;
      for (const { method, path } of operationsOf(doc).filter((e) => e.path.includes('{'))) {
        const operation = apis.fast.router.getOperations().find((op) => op.path === path && op.method === method)!;
        for (const value of ['%ZZ', '%C0%AE%C0%AE', '%E0%A4%A', '%', '%ED%A0%80']) {
          for (const extra of [{}, { headers: { ...HEADERS, Cookie: 'a=1' } }, { body: '{"text":"raw"}' }]) {
            const req = {
              method: method.toUpperCase(),
              path: path.replace(/\{[^}]+\}/g, value),
              headers: HEADERS,
              query: {},
              ...extra,
            };
            const params = apis.fast.router.parseRequest(req as never, operation).params as Record<string, string>;
            expect(Object.values(params), `${method} ${req.path}`).toContain(value);
            parsed++;
          }
        }
      }
      expect(parsed).toBeGreaterThan(0);
    });

    it('parse every request to the same parts, with and without its operation', async () => {
      const doc = await loadSpec(file);
      for (const { method, path } of operationsOf(doc)) {
        const operation = apis.library.router.getOperations().find((op) => op.path === path && op.method === method)!;
        const fastOperation = apis.fast.router.getOperations().find((op) => op.path === path && op.method === method)!;
        for (const value of PARAM_VALUES.slice(0, 3)) {
          for (const query of QUERIES) {
            for (const extra of [
              {},
              { headers: { ...HEADERS, Cookie: 'a=1; b=2' } },
              { body: { text: 'hi' } },
              { body: '{"text":"raw"}' },
            ]) {
              const req = {
                method: method.toUpperCase(),
                path: path.replace(/\{[^}]+\}/g, value),
                headers: HEADERS,
                query,
                ...extra,
              };
              const label = `${method} ${req.path} ${JSON.stringify(query)} ${JSON.stringify(extra)}`;
              expect(apis.fast.router.parseRequest(structuredClone(req) as never, fastOperation), label).toEqual(
                apis.library.router.parseRequest(structuredClone(req) as never, operation),
              );
              expect(apis.fast.router.parseRequest(structuredClone(req) as never), label).toEqual(
                apis.library.router.parseRequest(structuredClone(req) as never),
              );
            }
          }
        }
      }
    });
  });
}
