import type { OpenAPIBackend } from 'openapi-backend';
import { pathParams } from './path-params.ts';

type Router = OpenAPIBackend['router'];
type Operation = NonNullable<Parameters<Router['parseRequest']>[1]>;
type RawRequest = Parameters<Router['parseRequest']>[0];

const isPlainValue = (v: unknown) => v === null || typeof v !== 'object';
const isCopyableQuery = (query: Record<string, unknown>) =>
  Object.values(query).every((v) => isPlainValue(v) || (Array.isArray(v) && v.every(isPlainValue)));

/** The query-parameter styles openapi-backend rewrites after parsing (JSON content, non-exploded arrays). */
const hasStyledQueryParams = (operation: Operation) =>
  (operation.parameters ?? []).some(
    (p) => !('$ref' in p) && p.in === 'query' && (p.content?.['application/json'] || p.explode === false),
  );

/** The path with every `%` escaped, so that the library's own decoding (bath-es5) cannot throw on it. */
const undecodable = (path: string) => {
  const q = path.indexOf('?');
  return q < 0 ? path.replaceAll('%', '%25') : `${path.slice(0, q).replaceAll('%', '%25')}${path.slice(q)}`;
};

/**
 * openapi-backend parses a request four times per call (before routing, after routing, inside validation, after
 * coercion), and each parse compiles the operation's path template (bath-es5), deep-clones the query and maps the
 * headers with lodash: together the largest share of the pipeline's CPU time in the benchmark after routing. This
 * replaces the parse for the common case (query already parsed by Express into strings or arrays of them, no cookie,
 * no string body, no styled query parameter) with the same result from templates compiled once; every other request
 * goes to the original for everything but the path. The path parameters always come from `path-params.ts`, which
 * cannot throw on any byte sequence (bath-es5's `decodeURIComponent` throws a URIError on `%ZZ`).
 * `fast-openapi-backend.test.ts` holds the two to the same output for every operation.
 */
export function installFastRequestParser(api: OpenAPIBackend): void {
  const router = api.router;
  const original = router.parseRequest.bind(router);
  const styled = new Set(router.getOperations().filter(hasStyledQueryParams));

  router.parseRequest = ((req: RawRequest, operation?: Operation) => {
    const normalized = router.normalizeRequest(req);
    const params = operation ? (pathParams(operation.path, router.normalizePath(normalized.path))?.params ?? {}) : {};
    const query = req.query;
    const headers: Record<string, string | string[]> = {};
    for (const name of Object.keys(req.headers ?? {})) headers[name.toLowerCase()] = req.headers[name]!;
    const fast =
      typeof query === 'object' &&
      query !== null &&
      isCopyableQuery(query) &&
      headers.cookie === undefined &&
      (!req.body || typeof req.body === 'object') &&
      !(operation && styled.has(operation));
    if (!fast)
      return { ...original({ ...req, path: undecodable(req.path) }, operation), path: normalized.path, params };
    const copy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(query)) copy[name] = Array.isArray(value) ? [...value] : value;
    return { ...normalized, params, headers, query: copy, cookies: {}, requestBody: req.body };
  }) as Router['parseRequest'];
}
