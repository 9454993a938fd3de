// `npm run bundle:specs`: writes specs/openapi/gateway.yaml, one self-contained document with every operation of the
// service documents whose `x-gateway` is not false, under the service's `info.x-gateway-prefix`, each tagged with
// `x-service`. Shared components are merged by name; a service-local component whose name another service uses for a
// different definition is renamed `<Service><Name>`. The output is deterministic (sorted paths and components).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import {
  atPointer,
  GATEWAY_DOCUMENT,
  gatewayPathOf,
  type Json,
  OPENAPI_DIR,
  pathItemOperations,
  readYaml,
  SERVICES,
} from './model/index.ts';

export const GATEWAY_FILE = join(OPENAPI_DIR, GATEWAY_DOCUMENT);
const SECTIONS = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
];

const fileCache = new Map<string, Json>();
function load(file: string): Json {
  if (!fileCache.has(file)) fileCache.set(file, readYaml(file));
  return fileCache.get(file);
}
function at(doc: Json, pointer: string): Json {
  const value = atPointer(doc, pointer);
  if (value === undefined) throw new Error(`unresolvable pointer ${pointer}`);
  return value;
}
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

class Merger {
  readonly components: Record<string, Record<string, Json>> = {};
  private readonly named = new Map<string, string>(); // "file#pointer" -> "#/components/section/name"

  /** The gateway ref for a component at file#pointer, copying it (and what it references) on first use. */
  componentRef(file: string, pointer: string, service: string): string {
    const id = `${file}#${pointer}`;
    const known = this.named.get(id);
    if (known) return known;
    const target = at(load(file), pointer);
    if (target && typeof target.$ref === 'string' && Object.keys(target).length === 1) {
      const alias = this.refFor(target.$ref, file, service); // an alias such as `Problem: {$ref: ./components/...}`
      this.named.set(id, alias);
      return alias;
    }
    const parts = pointer.split('/').slice(1);
    // `#/components/<section>/<name>`, `#/<section>/<name>` (shared files), or `#/<name>` (a top-level schema or scheme)
    const topLevel = file.endsWith('security.yaml') ? 'securitySchemes' : 'schemas';
    let [section, name] =
      parts.length === 3 && parts[0] === 'components'
        ? [parts[1]!, parts[2]!]
        : parts.length === 2
          ? [parts[0]!, parts[1]!]
          : [topLevel, parts.join('_')];
    if (!SECTIONS.includes(section)) [section, name] = [topLevel, parts.join('_')];
    const bucket = (this.components[section] ??= {});
    const ref = (n: string) => `#/components/${section}/${n}`;
    const placeholder = Symbol('pending');
    let chosen = name;
    if (bucket[chosen] !== undefined) chosen = `${pascal(service)}${pascal(name)}`;
    bucket[chosen] = placeholder;
    this.named.set(id, ref(chosen));
    const copied = this.rewrite(target, file, service);
    // Two services defining the same component identically share one entry.
    if (chosen !== name && isDeepStrictEqual(bucket[name], copied)) {
      delete bucket[chosen];
      this.named.set(id, ref(name));
      return ref(name);
    }
    bucket[chosen] = copied;
    return ref(chosen);
  }

  refFor(refText: string, file: string, service: string): string {
    const [path, pointer = ''] = refText.split('#');
    const targetFile = path ? resolve(dirname(file), path) : file;
    return this.componentRef(targetFile, pointer, service);
  }

  /** A deep copy of `node` (found in `file`) with every $ref rewritten to a gateway component. */
  rewrite(node: Json, file: string, service: string): Json {
    if (Array.isArray(node)) return node.map((item) => this.rewrite(item, file, service));
    if (!node || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string') return { $ref: this.refFor(node.$ref, file, service) };
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, this.rewrite(v, file, service)]));
  }
}

function sortKeys<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((k) => [k, obj[k]]),
  ) as T;
}

/** The gateway document as YAML text, from the service documents `<dir>/<service>.yaml`. */
export function buildGateway(dir = OPENAPI_DIR, services: readonly string[] = SERVICES): string {
  fileCache.clear();
  const merger = new Merger();
  const paths: Record<string, Json> = {};
  const routing: Json[] = [];
  const tags: Json[] = [];
  for (const service of services) {
    const file = join(dir, `${service}.yaml`);
    const doc = load(file);
    const prefix: string = doc.info['x-gateway-prefix'];
    if (doc.info['x-service'] !== service || !prefix)
      throw new Error(`${service}.yaml: info.x-service / x-gateway-prefix missing`);
    routing.push({ prefix, service, upstream: doc.servers?.[0]?.url });
    tags.push(...(doc.tags ?? []));
    for (const scheme of Object.keys(doc.components?.securitySchemes ?? {}))
      merger.componentRef(file, `/components/securitySchemes/${scheme}`, service);
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      const exposed = pathItemOperations(path, item)
        .filter((e) => e.operation['x-gateway'] !== false)
        .map((e) => e.method);
      if (exposed.length === 0) continue;
      const gatewayPath = gatewayPathOf(prefix, path);
      const target = (paths[gatewayPath] ??= {});
      if (item.parameters) target.parameters = merger.rewrite(item.parameters, file, service);
      for (const method of exposed) {
        if (target[method])
          throw new Error(
            `gateway route conflict: ${method.toUpperCase()} ${gatewayPath} is served by ${target[method]['x-service']} and ${service}`,
          );
        const { 'x-gateway': _drop, ...operation } = item[method];
        target[method] = { ...merger.rewrite(operation, file, service), 'x-service': service };
      }
    }
  }
  const components: Json = {};
  for (const section of SECTIONS)
    if (merger.components[section]) components[section] = sortKeys(merger.components[section]);
  const gateway = {
    openapi: '3.0.3',
    info: {
      title: 'socialnet gateway',
      version: '1.0.0',
      description: [
        'GENERATED by `npm run bundle:specs` from the service documents in specs/openapi; do not edit.',
        '',
        'Every service under one base URL, so a client needs one address and one token: each service under `/api`, feedback under',
        '`/api/feedback` (the gateway strips that prefix to `/`). Each operation names the service that serves it in',
        '`x-service`; the gateway routes by the operation, not by the first path segment, so',
        '`/api/users/{user_id}/notifications` goes to notifications, `/api/users/{user_id}/posts` to posts,',
        '`/api/users/{user_id}/feed` to feed (all other `/api/users/...` paths to users), and `/api/feed` (no trailing',
        'slash) is routed. Concrete segments win over templates (`/api/chats/popular` before `/api/chats/{chat_id}`).',
        'Path parameters are forwarded still percent-encoded (a media key containing `%2F` stays one segment).',
        "Service diagnostics (`/healthz`, `/readyz`, `/metrics`, and every `/whoami` except the users service's) are",
        'not routed (`x-gateway: false` in the service documents).',
      ].join('\n'),
      'x-service': 'gateway',
      'x-routing': routing,
    },
    servers: [
      {
        url: 'http://127.0.0.1:8080',
        description: 'local: the reference platform gateway (npm start)',
        'x-internal': false,
      },
    ],
    tags,
    paths: sortKeys(paths),
    components,
  };
  return `# GENERATED by \`npm run bundle:specs\` (specs/bundle-gateway.ts) from specs/openapi/*.yaml. Do not edit.\n${stringify(gateway, { lineWidth: 120, aliasDuplicateObjects: false })}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(GATEWAY_FILE, buildGateway());
  console.log(`wrote ${GATEWAY_FILE}`);
}
