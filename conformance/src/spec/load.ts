import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadClauses } from './clauses.ts';
import { lineOf, toPointer } from './locate.ts';
import { model, REPO_ROOT } from './model.ts';
import type { Clause, Operation, Parameter } from './types.ts';

export { REPO_ROOT };
export const DEFAULT_SPEC_DIR = join(REPO_ROOT, 'specs/openapi');

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
    const raw = model.readYaml(file);
    if (!raw?.openapi || !raw.paths) continue;
    const doc = await model.dereference(file, raw);
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

/** The model's operations of one document, in the shape the checks read. */
function operationsOf(doc: any, raw: any, file: string, root: string): Operation[] {
  return model.operationsOf<any, Parameter>(doc).map(({ method, path, operation: op, parameters }) => {
    const route = model.routeOf(doc, file, path, op);
    const pointer = toPointer(['paths', path, method]);
    return {
      operationId: op.operationId ?? `${method}${path}`,
      method,
      service: route.service,
      servicePath: route.servicePath,
      gatewayPath: route.gatewayPath,
      summary: op.summary,
      secured: model.isSecured(op, doc),
      public: model.publicOf(op),
      authz: model.authzOf(op),
      idempotency: model.idempotencyOf(op),
      emits: model.emitsOf(op),
      propagates: model.propagatesOf(op),
      gateway: route.gateway,
      resultSchema: resultSchemaName(raw, raw.paths[path][method]),
      parameters,
      requestBody: op.requestBody
        ? { required: Boolean(op.requestBody.required), content: op.requestBody.content ?? {} }
        : undefined,
      responses: op.responses ?? {},
      location: { file: relative(root, file), pointer, line: lineOf(file, pointer) },
    };
  });
}

/** The $ref name of the 201 (else 200) JSON response schema, following local $refs in the raw document. */
function resultSchemaName(raw: any, op: any): string | undefined {
  const response = model.followLocal(raw, op?.responses?.['201'] ?? op?.responses?.['200']);
  const schema = response?.content?.['application/json']?.schema;
  const ref: string | undefined = schema?.$ref;
  return ref ? ref.split('/').pop() : undefined;
}
