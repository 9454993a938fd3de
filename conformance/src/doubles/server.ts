import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, jwtVerify } from 'jose';
import type { Spec } from '../spec/load.ts';
import type { Operation } from '../spec/types.ts';
import {
  problem,
  RECORDINGS_PATH,
  type Caller,
  type DoubleDefinition,
  type DoubleResponse,
  type Recorded,
  type RunningDouble,
} from './double.ts';

const MAX_BODY = 11 * 1024 * 1024;
const MAX_RECORDED_BODY = 64 * 1024;

export interface DoubleOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The platform's HS256 secret: bearers are verified with it. Without it a bearer needs only a `sub` and an unexpired `exp`. */
  jwtSecret?: string;
}

/**
 * Serves `definition` for the operations the spec gives its service (by their service paths), refusing with 401 a
 * secured operation called without a valid bearer, and records every request (GET RECORDINGS_PATH lists them).
 */
export async function startDouble(
  spec: Spec,
  definition: DoubleDefinition,
  options: DoubleOptions = {},
): Promise<RunningDouble> {
  const operations = spec.operations.filter((op) => op.service === definition.service);
  if (operations.length === 0)
    throw new Error(`the spec has no operations of service ${definition.service} for the ${definition.name} double`);
  const routes = operations.map((op) => ({ op, ...pathPattern(op.servicePath) }));
  const recorded: Recorded[] = [];
  let baseUrl = '';

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://double');
    const send = (r: DoubleResponse) => {
      const headers: Record<string, string> = { ...r.headers };
      let body: string | Buffer = r.raw ?? '';
      if (r.json !== undefined) {
        body = JSON.stringify(r.json);
        headers['content-type'] ??= r.status >= 400 ? 'application/problem+json' : 'application/json';
      }
      res.writeHead(r.status, headers);
      res.end(body);
    };
    if (req.method === 'GET' && url.pathname === RECORDINGS_PATH) return send({ status: 200, json: recorded });
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return send(problem(413, 'the body is over 11 MiB'));
    }
    const authorization = req.headers.authorization;
    const entry: Recorded = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      authorization,
      status: 0,
      body: body.subarray(0, MAX_RECORDED_BODY).toString('utf8'),
    };
    recorded.push(entry);
    const answer = (r: DoubleResponse) => {
      entry.status = r.status;
      send(r);
    };
    const route = routes.find((r) => r.op.method === req.method?.toLowerCase() && r.regex.test(url.pathname));
    if (!route) return answer(problem(404, `no ${definition.service} operation at ${req.method} ${url.pathname}`));
    entry.operationId = route.op.operationId;
    let caller: Caller | undefined;
    if (route.op.secured) {
      caller = await authenticate(authorization, options.jwtSecret);
      if (!caller) return answer(problem(401, 'a valid bearer token is required', { 'www-authenticate': 'Bearer' }));
      entry.sub = caller.sub;
    }
    const handler = definition.handlers[route.op.operationId];
    if (!handler)
      return answer(problem(501, `the ${definition.name} double does not implement ${route.op.operationId}`));
    const match = route.regex.exec(url.pathname)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
    );
    try {
      answer(
        await handler({
          method: req.method!,
          path: url.pathname,
          params,
          query: url.searchParams,
          headers,
          body,
          caller,
          baseUrl,
        }),
      );
    } catch (error) {
      answer(problem(500, `double: ${(error as Error).message}`));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    name: definition.name,
    service: definition.service,
    url: baseUrl,
    requests: async () => [...recorded],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A double someone else started (`conformance double media`): its recordings are read over HTTP. */
export function remoteDouble(definition: DoubleDefinition, url: string): RunningDouble {
  const base = url.replace(/\/$/, '');
  return {
    name: definition.name,
    service: definition.service,
    url: base,
    async requests() {
      const res = await fetch(`${base}${RECORDINGS_PATH}`, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok)
        throw new Error(`the ${definition.name} double at ${base} answered ${res.status} for its recordings`);
      return (await res.json()) as Recorded[];
    },
    close: async () => {},
  };
}

async function authenticate(header: string | undefined, secret: string | undefined): Promise<Caller | undefined> {
  const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  if (!token) return undefined;
  try {
    if (secret) {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      return { sub: String(payload.sub) };
    }
    const claims = decodeJwt(token);
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now())
      return undefined;
    return { sub: claims.sub };
  } catch {
    return undefined;
  }
}

function pathPattern(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${source}$`), names };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
