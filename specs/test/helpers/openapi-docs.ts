// Loading the OpenAPI documents of specs/openapi for tests: raw YAML (refs kept) and dereferenced (via openapi-backend).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import addFormatsModule from 'ajv-formats';
import type { Ajv } from 'ajv';
import { OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';

export type Json = any;
// ajv-formats is CommonJS: under ES modules its default export may arrive wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO_DIR = join(SPECS_DIR, '..');
export const OPENAPI_DIR = join(SPECS_DIR, 'openapi');
export const SERVICES = ['users', 'posts', 'media', 'feed', 'chats', 'notifications', 'feedback'] as const;
export type Service = (typeof SERVICES)[number];
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export const docFile = (name: string) => join(OPENAPI_DIR, `${name}.yaml`);
export const readYaml = (file: string): Json => parse(readFileSync(file, 'utf8'));
export const rawDoc = (name: string): Json => readYaml(docFile(name));

export interface OperationEntry {
  doc: string;
  path: string;
  method: string;
  operation: Json;
}

/** Every operation of a document, in file order. */
export function operationsOf(doc: Json, name: string): OperationEntry[] {
  return Object.entries<Json>(doc.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ doc: name, path, method, operation: item[method] })),
  );
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
export function backendFor(name: string, options: { definition?: Json; strict?: boolean } = {}): Promise<OpenAPIBackend> {
  const strict = options.strict ?? false;
  if (options.definition) return buildBackend(options.definition, strict);
  const key = `${name}:${strict}`;
  if (!apis.has(key)) apis.set(key, buildBackend(docFile(name), strict));
  return apis.get(key)!;
}

/** Resolves a local JSON pointer (`#/a/b`) in a document. */
export function atPointer(doc: Json, pointer: string): Json {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
