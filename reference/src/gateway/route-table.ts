import { existsSync } from 'node:fs';
import { gatewayPathOf, gatewayPrefixOf } from '@socialnet/specs/model';
import { loadSpec, operationsOf, specPath, type OpenApiDocument } from '../shared/spec/load-spec.ts';
import { SERVICE_NAMES, type ServiceName } from '../platform/service-names.ts';

export interface GatewayRoute {
  method: string;
  template: string;
  pattern: RegExp;
  service: ServiceName;
  /** What to strip from the gateway path to get the path the service serves (its `x-gateway-prefix`). */
  prefix: string;
}

const toPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);

/**
 * The gateway routes by specs/openapi/gateway.yaml (each operation's `x-service`); the prefix to strip is the
 * service document's `info.x-gateway-prefix`. Literal paths win over templated ones (`/chats/popular` before
 * `/chats/{chat_id}`), as in every OpenAPI router.
 */
export async function loadRouteTable(): Promise<GatewayRoute[]> {
  const prefixes = new Map<ServiceName, string>();
  const docs = new Map<ServiceName, OpenApiDocument>();
  for (const name of SERVICE_NAMES) {
    if (!existsSync(specPath(`${name}.yaml`))) continue;
    const doc = await loadSpec(`${name}.yaml`);
    docs.set(name, doc);
    prefixes.set(name, gatewayPrefixOf(doc));
  }
  const routes: GatewayRoute[] = [];
  const add = (service: ServiceName, method: string, template: string) => {
    routes.push({
      method: method.toUpperCase(),
      template,
      pattern: toPattern(template),
      service,
      prefix: prefixes.get(service) ?? '/api',
    });
  };
  if (existsSync(specPath('gateway.yaml'))) {
    const gateway = await loadSpec('gateway.yaml');
    for (const { method, path, operation } of operationsOf(gateway))
      add(operation['x-service'] as ServiceName, method, path);
  } else {
    // before the first `npm run bundle:specs`: the same table, derived from the service documents
    for (const [service, doc] of docs) {
      for (const { method, path, operation } of operationsOf(doc)) {
        if (operation['x-gateway'] !== false) add(service, method, gatewayPathOf(prefixes.get(service)!, path));
      }
    }
  }
  const literalness = (t: string) => t.split('/').filter((s) => s && !s.startsWith('{')).length;
  return routes.sort(
    (a, b) => literalness(b.template) - literalness(a.template) || b.template.length - a.template.length,
  );
}

/** The route for a request, or the methods the path allows (405), or nothing (404). */
export function matchRoute(
  routes: GatewayRoute[],
  method: string,
  path: string,
): GatewayRoute | { allow: string[] } | undefined {
  const onPath = routes.filter((r) => r.pattern.test(path));
  if (onPath.length === 0) return undefined;
  const best = onPath.filter((r) => r.template === onPath[0]!.template);
  return best.find((r) => r.method === method) ?? { allow: [...new Set(best.map((r) => r.method))] };
}
