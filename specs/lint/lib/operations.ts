// Helpers shared by the OpenAPI rule functions: walking the operations of a path item and reading what they declare.

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** JSONPath of every operation object of an OpenAPI 3 document. */
export const OPERATIONS = `$.paths[*][${HTTP_METHODS.join(',')}]`;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Operation {
  method: string;
  path: string;
  operation: JsonObject;
  /** parameters of the path item followed by the operation's own (resolved documents only). */
  parameters: JsonObject[];
}

/** The operations of one path item, each with its effective parameter list. */
export function operationsOf(pathKey: string, pathItem: unknown): Operation[] {
  if (!isObject(pathItem)) return [];
  const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters.filter(isObject) : [];
  const ops: Operation[] = [];
  for (const method of HTTP_METHODS) {
    const operation = pathItem[method];
    if (!isObject(operation)) continue;
    const own = Array.isArray(operation.parameters) ? operation.parameters.filter(isObject) : [];
    const byKey = new Map<string, JsonObject>();
    for (const p of [...shared, ...own]) byKey.set(`${String(p.in)}:${String(p.name)}`, p);
    ops.push({ method, path: pathKey, operation, parameters: [...byKey.values()] });
  }
  return ops;
}

/** Secured = lists at least one non-empty security requirement (our convention: always `[{bearerAuth: []}]`). */
export function isSecured(operation: JsonObject): boolean {
  return Array.isArray(operation.security) && operation.security.some((req) => isObject(req) && Object.keys(req).length > 0);
}

/** Names of the `{template}` segments of a path, e.g. `/chats/{chat_id}/messages` -> [`chat_id`]. */
export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

export function responsesOf(operation: JsonObject): JsonObject {
  return isObject(operation.responses) ? operation.responses : {};
}

export function hasResponse(operation: JsonObject, status: number | string): boolean {
  const responses = responsesOf(operation);
  const code = String(status);
  return code in responses || `${code[0]}XX` in responses;
}

export interface AuthzRule {
  rule?: unknown;
  resource?: unknown;
  deny?: unknown;
  clause?: unknown;
}

export function authzRules(operation: JsonObject): AuthzRule[] {
  const list = operation['x-authz'];
  return Array.isArray(list) ? list.filter(isObject) : [];
}
