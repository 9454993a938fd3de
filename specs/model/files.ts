// Where the spec documents are and how they are read. The model lives next to them (specs/model), also inside the
// packed conformance CLI (conformance/scripts/pack-specs.mjs copies it with the documents), so it finds them from
// its own location and depends on nothing but `yaml` and the ref parser.
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Parsed YAML, untyped: the model's readers narrow it to the types of openapi.ts, extensions.ts and asyncapi.ts. */
export type Json = any;

export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OPENAPI_DIR = join(SPECS_DIR, 'openapi');
export const ASYNCAPI_DIR = join(SPECS_DIR, 'asyncapi');
export const CLAUSES_FILE = join(SPECS_DIR, 'clauses.yaml');
/** The bundled document `npm run bundle:specs` writes next to the service documents. */
export const GATEWAY_DOCUMENT = 'gateway.yaml';

/** The service documents, `specs/openapi/<service>.yaml`, in the gateway's order. */
export const SERVICES = ['users', 'posts', 'media', 'feed', 'chats', 'notifications', 'feedback'] as const;
export type Service = (typeof SERVICES)[number];

/** The AsyncAPI documents, one per topic family, `specs/asyncapi/<name>`. */
export const EVENT_DOCUMENTS = ['posts.yaml', 'messages.yaml'] as const;

export const readYaml = (file: string): Json => parse(readFileSync(file, 'utf8'));

/**
 * A document with every `$ref` (local and relative-file) resolved, as a fresh object the caller may transform.
 * Pass `document` to resolve an already parsed (possibly modified) copy of `file`; circular refs are left as refs.
 */
export async function dereference(file: string, document?: Json): Promise<Json> {
  return document === undefined
    ? $RefParser.dereference(file, { dereference: { circular: 'ignore' } })
    : $RefParser.dereference(file, structuredClone(document), { dereference: { circular: 'ignore' } });
}

/** The JSON pointer of a path of keys (`['paths', '/chats/{id}', 'get']` → `/paths/~1chats~1{id}/get`). */
export const toPointer = (keys: string[]): string =>
  keys.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The node at a JSON pointer (`/a/b` or `#/a/b`) of a document, or undefined. */
export function atPointer(doc: Json, pointer: string): Json {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** Follows local `#/...` references (a chain of at most `depth`) until a node that is not a reference. */
export function followLocal(doc: Json, node: Json, depth = 5): Json {
  for (let i = 0; i < depth && typeof node?.$ref === 'string' && node.$ref.startsWith('#/'); i++)
    node = atPointer(doc, node.$ref);
  return node;
}
