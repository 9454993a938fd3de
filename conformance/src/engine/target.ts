import type { Operation } from '../spec/types.ts';
import { UsageError } from './usage.ts';

/** Where the implementation runs: a gateway base URL, per-service URLs (which win for their service), or both. */
export interface Target {
  baseUrl?: string;
  services: Record<string, string>;
  /** Replaces the first segment of the spec's gateway prefix under baseUrl (/api → /v2). */
  pathPrefix?: string;
}

export function parseServiceOption(values: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const match = /^([a-z0-9_-]+)=(https?:\/\/.+)$/i.exec(value);
    if (!match) throw new UsageError(`--service expects name=url, got "${value}"`);
    out[match[1]!] = match[2]!.replace(/\/$/, '');
  }
  return out;
}

export function reachable(target: Target, op: Operation): boolean {
  return Boolean(target.services[op.service] ?? (op.gateway ? target.baseUrl : undefined));
}

/** The full URL of an operation with its path parameters filled in and the query appended. */
export function urlFor(
  target: Target,
  op: Operation,
  path: Record<string, unknown> = {},
  query: Record<string, unknown> = {},
): string {
  const serviceUrl = target.services[op.service];
  const base = serviceUrl ?? (op.gateway ? target.baseUrl : undefined);
  if (!base) throw new Error(`no URL for service ${op.service}: pass --base-url or --service ${op.service}=URL`);
  const template = serviceUrl ? op.servicePath : withPrefix(op, target.pathPrefix);
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (!(name in path)) throw new Error(`${op.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(String(path[name]));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.append(k, String(v));
  const qs = search.toString();
  return `${base.replace(/\/$/, '')}${filled}${qs ? `?${qs}` : ''}`;
}

/** The gateway path with the first segment of its prefix replaced (feedback's /api/feedback → /v2/feedback). */
function withPrefix(op: Operation, pathPrefix: string | undefined): string {
  if (pathPrefix === undefined) return op.gatewayPath;
  const specPrefix = op.gatewayPath.slice(0, op.gatewayPath.length - op.servicePath.length);
  return `${pathPrefix}${specPrefix.replace(/^\/[^/]+/, '')}${op.servicePath}`;
}
