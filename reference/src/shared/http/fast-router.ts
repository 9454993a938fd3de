import type { OpenAPIBackend } from 'openapi-backend';

type Router = OpenAPIBackend['router'];
type Operation = ReturnType<Router['getOperations']>[number];

/**
 * openapi-backend's router rebuilds its operation list (lodash) and a RegExp per operation on every match, which
 * dominated a request's CPU time in the benchmark. The document does not change after `init()`, so this compiles the
 * list and the patterns once and keeps the router's semantics: an exact path wins, then templates by literal
 * length, and in strict mode the same 404/405 errors (which openapi-backend maps to its notFound and
 * methodNotAllowed handlers).
 */
export function installFastRouter(api: OpenAPIBackend): void {
  const router = api.router;
  const operations = router.getOperations();
  router.getOperations = () => operations;
  const literalLength = (path: string) => path.replace(/\{.*?\}/g, '').length;
  const templated = operations
    .map((op) => ({
      op,
      pattern: new RegExp(
        `^${op.path
          .split(/\{[^}]+\}/)
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
    }))
    .sort((a, b) => literalLength(b.op.path) - literalLength(a.op.path));
  router.matchOperation = ((req: Parameters<Router['matchOperation']>[0], strict?: boolean): Operation | undefined => {
    const normalized = router.normalizeRequest(req);
    const fail = (message: string) => {
      if (strict) throw new Error(message);
      return undefined;
    };
    if (!(router as unknown as { isUnderApiRoot(p: string): boolean }).isUnderApiRoot(normalized.path))
      return fail('404-notFound: no route matches request');
    const path = router.normalizePath(normalized.path);
    const exact = operations.find((op) => op.path === path && op.method === normalized.method);
    if (exact) return exact;
    const onPath = templated.filter((t) => t.pattern.test(path));
    if (onPath.length === 0) return fail('404-notFound: no route matches request');
    return (
      onPath.find((t) => t.op.method === normalized.method)?.op ??
      fail('405-methodNotAllowed: this method is not registered for the route')
    );
  }) as Router['matchOperation'];
}
