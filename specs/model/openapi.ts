// The operations of an OpenAPI 3 document: walking path items, the security that applies, and where each operation
// is served (the service's own path and the path under the gateway).
import { basename } from 'node:path';
import { HTTP_METHODS, type HttpMethod } from './methods.ts';
import type { Json } from './files.ts';

type JsonObject = Record<string, Json>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface OperationEntry<Op = JsonObject, P = JsonObject> {
  method: HttpMethod;
  /** The path key of the document (for a service document: the path the service serves). */
  path: string;
  operation: Op;
  /** The parameters of the path item followed by the operation's own, one per `in:name` (the operation's wins). */
  parameters: P[];
}

/** The operations of one path item, in HTTP_METHODS order. */
export function pathItemOperations<Op = JsonObject, P = JsonObject>(
  path: string,
  pathItem: unknown,
): OperationEntry<Op, P>[] {
  if (!isObject(pathItem)) return [];
  const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters.filter(isObject) : [];
  const entries: OperationEntry<Op, P>[] = [];
  for (const method of HTTP_METHODS) {
    const operation = pathItem[method];
    if (!isObject(operation)) continue;
    const own = Array.isArray(operation.parameters) ? operation.parameters.filter(isObject) : [];
    const byKey = new Map<string, JsonObject>();
    for (const p of [...shared, ...own]) byKey.set(`${String(p.in)}:${String(p.name)}`, p);
    entries.push({ method, path, operation: operation as Op, parameters: [...byKey.values()] as P[] });
  }
  return entries;
}

/** Every operation of a document, in path order then HTTP_METHODS order. */
export function operationsOf<Op = JsonObject, P = JsonObject>(
  doc: { paths?: unknown } | undefined,
): OperationEntry<Op, P>[] {
  const paths = isObject(doc?.paths) ? doc.paths : {};
  return Object.entries(paths).flatMap(([path, item]) => pathItemOperations<Op, P>(path, item));
}

export function findOperation<Op = JsonObject, P = JsonObject>(
  doc: { paths?: unknown },
  operationId: string,
): OperationEntry<Op, P> | undefined {
  return operationsOf<Op, P>(doc).find((e) => (e.operation as JsonObject).operationId === operationId);
}

/** The security requirement alternatives that apply: the operation's `security`, else the document's. */
export function securityOf(operation: Json, doc?: Json): JsonObject[] {
  const own = operation?.security;
  const list = Array.isArray(own) ? own : Array.isArray(doc?.security) ? doc.security : [];
  return list.filter(isObject);
}

/** Secured = the applicable security lists at least one non-empty requirement (ours: always `[{bearerAuth: []}]`). */
export function isSecured(operation: Json, doc?: Json): boolean {
  return securityOf(operation, doc).some((requirement) => Object.keys(requirement).length > 0);
}

/** Names of the `{template}` segments of a path, e.g. `/chats/{chat_id}/messages` → [`chat_id`]. */
export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

/** A service document's gateway prefix (`info.x-gateway-prefix`; `/api` when it names none). */
export const gatewayPrefixOf = (doc: Json): string => doc?.info?.['x-gateway-prefix'] ?? '/api';

/** A service's path under the gateway. */
export const gatewayPathOf = (prefix: string, servicePath: string): string => `${prefix}${servicePath}`;

export interface Route {
  /** The service that serves the operation. */
  service: string;
  /** The path the service itself serves. */
  servicePath: string;
  /** The path under the gateway (service path behind its prefix). */
  gatewayPath: string;
  /** False when `x-gateway: false` (served on the service's own port only). */
  gateway: boolean;
}

/**
 * Where an operation is served, for a service document (`info.x-service`, `info.x-gateway-prefix`) or for the
 * bundled gateway document (each operation's `x-service`, each service's prefix in `info.x-routing`).
 */
export function routeOf(doc: Json, file: string, path: string, operation: Json): Route {
  const docService: string | undefined = doc?.info?.['x-service'];
  const service: string = operation['x-service'] ?? docService ?? basename(file).replace(/\.ya?ml$/, '');
  const bundled = Boolean(operation['x-service']) && operation['x-service'] !== docService;
  const routed: string | undefined = doc?.info?.['x-routing']?.find((r: Json) => r.service === service)?.prefix;
  const prefix: string =
    operation['x-gateway-prefix'] ?? (bundled ? (routed ?? guessPrefix(path)) : gatewayPrefixOf(doc));
  const servicePath = bundled && path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path;
  return {
    service,
    servicePath,
    gatewayPath: bundled ? path : gatewayPathOf(prefix, path),
    gateway: operation['x-gateway'] !== false,
  };
}

function guessPrefix(path: string): string {
  return path.startsWith('/api/feedback/') ? '/api/feedback' : '/api';
}
