import { params as compilePathParams } from 'bath-es5';
import type { OpenAPIBackend } from 'openapi-backend';

type Router = OpenAPIBackend['router'];
type Operation = NonNullable<Parameters<Router['parseRequest']>[1]>;
type PathMatcher = (path: string) => Record<string, string> | null;

const isPlainValue = (v: unknown) => v === null || typeof v !== 'object';
const isCopyableQuery = (query: Record<string, unknown>) =>
  Object.values(query).every((v) => isPlainValue(v) || (Array.isArray(v) && v.every(isPlainValue)));

/** The query-parameter styles openapi-backend rewrites after parsing (JSON content, non-exploded arrays). */
const hasStyledQueryParams = (operation: Operation) =>
  (operation.parameters ?? []).some((p) => !('$ref' in p) && p.in === 'query' && (p.content?.['application/json'] || p.explode === false));

/**
 * openapi-backend parses a request four times per call (before routing, after routing, inside validation, after
 * coercion), and each parse compiles the operation's path template (bath-es5), deep-clones the query and maps the
 * headers with lodash: together the largest share of the pipeline's CPU time in the benchmark after routing. This
 * replaces the parse for the common case (query already parsed by Express into strings or arrays of them, no cookie,
 * no string body, no styled query parameter) with the same result from templates compiled once; every other request
 * goes to the original. `fast-openapi-backend.test.ts` holds the two to the same output for every operation.
 */
export function installFastRequestParser(api: OpenAPIBackend): void {
  const router = api.router;
  const original = router.parseRequest.bind(router);
  const matchers = new Map<string, PathMatcher>();
  const styled = new Set(router.getOperations().filter(hasStyledQueryParams));
  const matcherFor = (template: string) => {
    let matcher = matchers.get(template);
    if (!matcher) matchers.set(template, (matcher = compilePathParams(template) as PathMatcher));
    return matcher;
  };

  router.parseRequest = ((req: Parameters<Router['parseRequest']>[0], operation?: Operation) => {
    const query = req.query;
    const headers: Record<string, string | string[]> = {};
    for (const name of Object.keys(req.headers ?? {})) headers[name.toLowerCase()] = req.headers[name]!;
    const fast =
      typeof query === 'object' && query !== null && isCopyableQuery(query) &&
      headers.cookie === undefined && (!req.body || typeof req.body === 'object') && !(operation && styled.has(operation));
    if (!fast) return original(req, operation);
    const copy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(query)) copy[name] = Array.isArray(value) ? [...value] : value;
    const normalized = router.normalizeRequest(req);
    const params = operation ? (matcherFor(operation.path)(router.normalizePath(normalized.path)) ?? {}) : {};
    return { ...normalized, params, headers, query: copy, cookies: {}, requestBody: req.body };
  }) as Router['parseRequest'];
}
