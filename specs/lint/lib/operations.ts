// Helpers shared by the OpenAPI rule functions: the spec model's walker and readers, typed for Spectral's JSON.
import * as model from '../../model/index.ts';

export { HTTP_METHODS, isSecured, pathTemplateNames } from '../../model/index.ts';
import { HTTP_METHODS } from '../../model/index.ts';

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
export const operationsOf = (pathKey: string, pathItem: unknown): Operation[] =>
  model.pathItemOperations(pathKey, pathItem);

export function responsesOf(operation: JsonObject): JsonObject {
  return isObject(operation.responses) ? operation.responses : {};
}

export function hasResponse(operation: JsonObject, status: number | string): boolean {
  const responses = responsesOf(operation);
  const code = String(status);
  return code in responses || `${code[0]}XX` in responses;
}

export type AuthzRule = { [K in keyof model.AuthzRule]?: unknown };

/** The `x-authz` entries of an operation that are objects (the lint also sees malformed documents). */
export const authzRules = (operation: JsonObject): AuthzRule[] => model.authzOf(operation).filter(isObject);
