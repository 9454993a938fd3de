// Loading the OpenAPI documents of specs/openapi for tests: raw YAML (refs kept) and dereferenced (via openapi-backend).
import { join } from 'node:path';
import addFormatsModule from 'ajv-formats';
import type { Ajv } from 'ajv';
import { OpenAPIBackend } from 'openapi-backend';
import {
  atPointer,
  HTTP_METHODS,
  OPENAPI_DIR,
  operationsOf as modelOperationsOf,
  readYaml,
  SERVICES,
  SPECS_DIR,
  type Service,
} from '../../model/index.ts';

export type Json = any;
// ajv-formats is CommonJS: under ES modules its default export may arrive wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
export { atPointer, HTTP_METHODS, OPENAPI_DIR, readYaml, SERVICES, SPECS_DIR, type Service };
export const REPO_DIR = join(SPECS_DIR, '..');

export const docFile = (name: string) => join(OPENAPI_DIR, `${name}.yaml`);
export const rawDoc = (name: string): Json => readYaml(docFile(name));

export interface OperationEntry {
  doc: string;
  path: string;
  method: string;
  operation: Json;
}

/** Every operation of a document, in file order. */
export function operationsOf(doc: Json, name: string): OperationEntry[] {
  return modelOperationsOf(doc).map(({ path, method, operation }) => ({ doc: name, path, method, operation }));
}

const apis = new Map<string, Promise<OpenAPIBackend>>();

/**
 * A new initialised openapi-backend for a definition (a file path or a document), with ajv formats. Quick start
 * (validators compile lazily; the eager start takes 12 s on the gateway). `strict` also validates the parsed document
 * against the OpenAPI 3.0 schema and throws on the first violation.
 *
 * In quick mode `init()` starts parsing the file into `api.document` without waiting for it (openapi-backend's
 * backend.js: `this.loadDocument()` unawaited), so after `init()` the document may not be there yet, and
 * `validateDefinition()` would then validate `undefined` ("instancePath "" must be object"). Strict validation
 * therefore awaits its own `loadDocument()` first.
 */
export async function buildBackend(definition: Json, strict: boolean): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    validate: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  if (strict) {
    await api.loadDocument();
    api.validateDefinition();
  }
  return api;
}

/** `buildBackend` for a document of specs/openapi (cached per document), or for a given definition (not cached). */
export function backendFor(
  name: string,
  options: { definition?: Json; strict?: boolean } = {},
): Promise<OpenAPIBackend> {
  const strict = options.strict ?? false;
  if (options.definition) return buildBackend(options.definition, strict);
  const key = `${name}:${strict}`;
  if (!apis.has(key)) apis.set(key, buildBackend(docFile(name), strict));
  return apis.get(key)!;
}
