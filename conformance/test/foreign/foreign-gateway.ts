import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';

/**
 * A gateway in front of the reference that makes it behave like another team's implementation
 * (../shared/system-under-review.md): each option reintroduces one foreign behaviour, so a test can state the exact
 * verdict of every check it affects. Only what an option names changes; everything else is proxied as is.
 */
export interface ForeignBehaviour {
  /** Errors as {"error": "..."} with status 400 for every 4xx (the original's handlers), 401 included when true. */
  errorsAs400?: boolean | { keep401: boolean };
  /** Routes (method + path regex, matched on the path under the gateway) answered 404 {"error":"not found"}: operations missing. */
  missing?: Array<{ method: string; path: RegExp }>;
  /** Routes answered 301 to another origin (a gateway that redirects and hides routes). */
  redirect?: Array<{ method: string; path: RegExp; location: string }>;
  /** Writes that answer 200 {} where the reference refuses with 403/404 (the original's no-op writes). */
  noOpWrites?: Array<{ method: string; path: RegExp }>;
  /**
   * Per-user limits: at most `max` requests of one token's sub per `windowMs` on matching routes (method and path;
   * any when absent), then 429 + Retry-After. Each rule counts on its own (one feed rebuild an hour, two messages...).
   */
  rateLimit?: RateLimitRule | RateLimitRule[];
  /** Every bearer token must carry this claim, else 401 (a shard number). */
  requiredClaim?: string;
  /** Admin routes need this static header; the gateway then forwards an admin token of the same sub. */
  adminHeader?: { name: string; value: string; path: RegExp; secret: string };
  /**
   * Requests forwarded as the resource's owner (a downstream that checks no owner, like the original's media service):
   * a token the platform accepts is re-signed with `sub` = owner(path).
   */
  asOwner?: { method: string; path: RegExp; owner: (path: string) => string; secret: string };
  /** Reads whose JSON list at `items` is answered empty (a consumer whose effect never shows). */
  emptyReads?: Array<{ path: RegExp; items: string }>;
  /** Close the listening socket and every connection after this many requests (a target that goes down mid-run). */
  dieAfter?: number;
}

export interface RateLimitRule {
  max: number;
  windowMs: number;
  retryAfterS: number;
  method?: string;
  path?: RegExp;
}

export interface ForeignGateway {
  url: string;
  requests: number;
  /** 429s answered, and the distinct token subs that got one. */
  limited: number;
  limitedSubs: Set<string>;
  close(): Promise<void>;
}

const matches = (rules: Array<{ method: string; path: RegExp }> | undefined, method: string, path: string) =>
  rules?.find((r) => r.method.toUpperCase() === method && r.path.test(path));

export async function startForeignGateway(upstream: string, behaviour: ForeignBehaviour): Promise<ForeignGateway> {
  const windows = new Map<string, number[]>();
  let server: Server;
  const state: ForeignGateway = {
    url: '',
    requests: 0,
    limited: 0,
    limitedSubs: new Set(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server = createServer((req, res) => {
    state.requests++;
    if (behaviour.dieAfter !== undefined && state.requests > behaviour.dieAfter) {
      req.socket.destroy();
      server.close();
      server.closeAllConnections();
      return;
    }
    handle(req, res).catch((error) => {
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method!.toUpperCase();
    const url = new URL(req.url!, 'http://gateway');
    const path = url.pathname;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };

    if (matches(behaviour.missing, method, path)) return send(404, { error: 'not found' });
    const redirect = behaviour.redirect?.find((r) => r.method.toUpperCase() === method && r.path.test(path));
    if (redirect) return send(301, { error: 'moved' }, { location: redirect.location });

    const authorization = req.headers.authorization;
    const token = authorization?.replace(/^Bearer\s+/i, '');
    let claims: Record<string, unknown> | undefined;
    try {
      claims = token ? decodeJwt(token) : undefined;
    } catch {
      claims = undefined;
    }
    if (behaviour.requiredClaim && token && !(claims && behaviour.requiredClaim in claims)) {
      return send(
        401,
        { error: `token has no ${behaviour.requiredClaim} claim` },
        { 'www-authenticate': 'Bearer realm="socialnet", error="invalid_token"' },
      );
    }
    const rules = behaviour.rateLimit ? [behaviour.rateLimit].flat() : [];
    for (const [index, rule] of rules.entries()) {
      if (!claims?.sub || (rule.method && rule.method.toUpperCase() !== method) || (rule.path && !rule.path.test(path)))
        continue;
      const now = Date.now();
      const key = `${index} ${String(claims.sub)}`;
      const recent = (windows.get(key) ?? []).filter((t) => now - t < rule.windowMs);
      if (recent.length >= rule.max) {
        windows.set(key, recent);
        state.limited++;
        state.limitedSubs.add(String(claims.sub));
        return send(429, { error: 'rate limited' }, { 'retry-after': String(rule.retryAfterS) });
      }
      windows.set(key, [...recent, now]);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
    const admin = behaviour.adminHeader;
    if (admin && admin.path.test(path)) {
      if (req.headers[admin.name.toLowerCase()] !== admin.value) return send(403, { error: 'admin only' });
      // Only a token the platform would accept becomes an admin one; any other goes on as it came (and is refused).
      if (claims?.sub && (await verifies(token, admin.secret)))
        headers.authorization = `Bearer ${await sign({ ...claims, roles: ['admin'] }, admin.secret)}`;
    }
    const asOwner = behaviour.asOwner;
    if (asOwner && matches([asOwner], method, path) && claims?.sub && (await verifies(token, asOwner.secret)))
      headers.authorization = `Bearer ${await sign({ ...claims, sub: asOwner.owner(path) }, asOwner.secret)}`;
    const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await readBody(req));
    const upstreamRes = await fetch(`${upstream}${url.pathname}${url.search}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    });
    const text = await upstreamRes.text();
    const outHeaders: Record<string, string> = {};
    upstreamRes.headers.forEach((v, k) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(k)) outHeaders[k] = v;
    });
    let status = upstreamRes.status;
    let out: string | Buffer = text;
    if ((status === 403 || status === 404) && matches(behaviour.noOpWrites, method, path)) {
      return send(200, {});
    }
    const emptied = behaviour.emptyReads?.find((r) => method === 'GET' && r.path.test(path));
    if (emptied && status === 200) {
      const json = JSON.parse(text);
      const keys = emptied.items.split('/').slice(1);
      let node = json;
      for (const k of keys.slice(0, -1)) node = node?.[k];
      if (node && Array.isArray(node[keys.at(-1)!])) node[keys.at(-1)!] = [];
      out = JSON.stringify(json);
    }
    const as400 = behaviour.errorsAs400;
    if (as400 && status >= 400 && status < 500 && !(status === 401 && typeof as400 === 'object' && as400.keep401)) {
      const detail = safeDetail(text);
      status = 400;
      out = JSON.stringify({ error: detail });
      outHeaders['content-type'] = 'application/json';
    }
    res.writeHead(status, outHeaders).end(out);
    return undefined;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

const verifies = (token: string | undefined, secret: string): Promise<boolean> =>
  token
    ? jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] }).then(
        () => true,
        () => false,
      )
    : Promise.resolve(false);

const sign = (claims: Record<string, unknown>, secret: string): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function safeDetail(text: string): string {
  try {
    const json = JSON.parse(text);
    return String(json.detail ?? json.title ?? json.error ?? 'bad request');
  } catch {
    return 'bad request';
  }
}
