import $RefParser from '@apidevtools/json-schema-ref-parser';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadClauses } from './clauses.ts';
import { lineOf, toPointer } from './locate.ts';
import type { Clause, HttpMethod, Operation, Parameter } from './types.ts';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where specs/ is: inside the installed package (npm pack ships it), else the repository around the package. */
export const REPO_ROOT = existsSync(join(PACKAGE_ROOT, 'specs/openapi')) ? PACKAGE_ROOT : resolve(PACKAGE_ROOT, '..');
export const DEFAULT_SPEC_DIR = join(REPO_ROOT, 'specs/openapi');

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch'];

export interface Spec {
  operations: Operation[];
  clauses: Map<string, Clause>;
  services: string[];
  files: string[];
  root: string;
  operation(operationId: string): Operation | undefined;
  operationsWithRule(...rules: string[]): Operation[];
}

/**
 * Loads either a folder of per-service documents (info.x-service, info.x-gateway-prefix) or one bundled gateway
 * document whose operations carry x-service. The default is the repository's specs/openapi folder.
 */
export async function loadSpec(specPath: string = DEFAULT_SPEC_DIR): Promise<Spec> {
  const path = resolve(specPath);
  if (!existsSync(path)) throw new Error(`spec not found: ${path}`);
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.ya?ml$/.test(f) && f !== 'gateway.yaml')
        .map((f) => join(path, f))
    : [path];
  const root = existsSync(join(path, '..', '..', 'specs')) ? resolve(path, '../..') : REPO_ROOT;
  const operations: Operation[] = [];
  for (const file of files.sort()) {
    const raw = parse(readFileSync(file, 'utf8'));
    if (!raw?.openapi || !raw.paths) continue;
    const doc: any = await $RefParser.dereference(file, structuredClone(raw), { dereference: { circular: 'ignore' } });
    operations.push(...operationsOf(doc, raw, file, root));
  }
  if (operations.length === 0) throw new Error(`no OpenAPI operations found in ${path}`);
  const clausesFile = [join(root, 'specs/clauses.yaml'), join(dirname(path), 'clauses.yaml')].find(existsSync);
  const clauses = clausesFile ? loadClauses(clausesFile, root) : new Map<string, Clause>();
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  return {
    operations,
    clauses,
    services: [...new Set(operations.map((o) => o.service))].sort(),
    files: files.map((f) => relative(root, f)),
    root,
    operation: (id) => byId.get(id),
    operationsWithRule: (...rules) => operations.filter((o) => o.authz.some((r) => rules.includes(r.rule))),
  };
}

function operationsOf(doc: any, raw: any, file: string, root: string): Operation[] {
  const docService: string | undefined = doc.info?.['x-service'];
  const docPrefix: string = doc.info?.['x-gateway-prefix'] ?? '/api';
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const service: string = op['x-service'] ?? docService ?? basename(file).replace(/\.ya?ml$/, '');
      // A bundled gateway document names the serving service per operation and its prefix in info.x-routing.
      const bundled = Boolean(op['x-service']) && op['x-service'] !== docService;
      const routed: string | undefined = doc.info?.['x-routing']?.find((r: any) => r.service === service)?.prefix;
      const prefix: string = op['x-gateway-prefix'] ?? (bundled ? routed ?? guessPrefix(path) : docPrefix);
      const servicePath = bundled && path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path;
      const security = op.security ?? doc.security ?? [];
      const pointer = toPointer(['paths', path, method]);
      out.push({
        operationId: op.operationId ?? `${method}${path}`,
        method,
        service,
        servicePath,
        gatewayPath: bundled ? path : prefix + path,
        summary: op.summary,
        secured: Array.isArray(security) && security.length > 0,
        public: op['x-public'],
        authz: op['x-authz'] ?? [],
        idempotency: op['x-idempotency'],
        emits: normaliseEmits(op['x-emits']),
        propagates: op['x-propagates'] ?? [],
        gateway: op['x-gateway'] !== false,
        resultSchema: resultSchemaName(raw, raw.paths[path][method]),
        parameters: mergeParameters(item.parameters ?? [], op.parameters ?? []),
        requestBody: op.requestBody ? { required: Boolean(op.requestBody.required), content: op.requestBody.content ?? {} } : undefined,
        responses: op.responses ?? {},
        location: { file: relative(root, file), pointer, line: lineOf(file, pointer) },
      });
    }
  }
  return out;
}

function guessPrefix(path: string): string {
  return path.startsWith('/api/feedback/') ? '/api/feedback' : '/api';
}

function normaliseEmits(value: unknown): Operation['emits'] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((e: any) => (typeof e === 'string' ? { channel: e } : { channel: e.channel, key: e.key }));
}

function mergeParameters(shared: Parameter[], own: Parameter[]): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const p of [...shared, ...own]) merged.set(`${p.in}:${p.name}`, p);
  return [...merged.values()];
}

/** The $ref name of the 201 (else 200) JSON response schema, following local $refs in the raw document. */
function resultSchemaName(raw: any, op: any): string | undefined {
  const local = (node: any): any => {
    for (let i = 0; node?.$ref && String(node.$ref).startsWith('#/') && i < 5; i++) {
      node = String(node.$ref).slice(2).split('/').reduce((n: any, k: string) => n?.[k], raw);
    }
    return node;
  };
  const response = local(op?.responses?.['201'] ?? op?.responses?.['200']);
  const schema = response?.content?.['application/json']?.schema;
  const ref: string | undefined = schema?.$ref;
  return ref ? ref.split('/').pop() : undefined;
}
