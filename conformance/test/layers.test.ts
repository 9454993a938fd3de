import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { curlCommand } from '../src/engine/curl.ts';
import { HttpClient, type HttpRequest, type HttpResponse } from '../src/engine/http.ts';
import { RateLimitedError, RateLimitLayer, retryAfterMs } from '../src/engine/rate-limit.ts';
import { followable, RedirectLayer } from '../src/engine/redirects.ts';
import { badTokenCurl } from '../src/engine/token-repro.ts';
import { tokenFor } from '../src/engine/tokens.ts';

const response = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  text: '',
  json: undefined,
  exchange: { request: { method: 'GET', url: 'http://t/x', headers: {} }, curl: 'curl' },
  attempts: 1,
});

/** A transport that answers from a script and records what it was sent. */
function scripted(answers: HttpResponse[]) {
  const sent: HttpRequest[] = [];
  return { sent, send: async (req: HttpRequest) => (sent.push(req), answers.shift() ?? response(200)) };
}

describe('the rate-limit layer', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('waits a 429 out as Retry-After says and returns the answer after it', async () => {
    const waits: number[] = [];
    const inner = scripted([response(429, { 'retry-after': '2' }), response(429), response(201)]);
    const layer = new RateLimitLayer(
      inner,
      { perRequestMs: 10_000, perRunMs: 10_000, defaultWaitMs: 500 },
      async (ms) => void waits.push(ms),
    );
    expect((await layer.send({ method: 'POST', url: 'http://t/x' })).status).toBe(201);
    expect(waits).toEqual([2000, 500]);
    expect(inner.sent).toHaveLength(3);
  });

  it('past its budget reports the 429 as rate-limited instead of returning it', async () => {
    const layer = new RateLimitLayer(
      scripted([response(429, { 'retry-after': '3600' })]),
      { perRequestMs: 60_000, perRunMs: 60_000, defaultWaitMs: 1 },
      async () => {},
    );
    await expect(layer.send({ method: 'GET', url: 'http://t/x' })).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe('the redirect layer', () => {
  const req = (method: string): HttpRequest => ({ method, url: 'http://t:1/api/a' });
  it('follows same-origin redirects that keep the request, and no other', () => {
    expect(followable(req('GET'), response(301, { location: '/api/b' }))).toBe('http://t:1/api/b');
    expect(followable(req('POST'), response(308, { location: '/api/b' }))).toBe('http://t:1/api/b');
    expect(followable(req('POST'), response(301, { location: '/api/b' }))).toBeUndefined();
    expect(followable(req('GET'), response(301, { location: 'http://elsewhere/api/b' }))).toBeUndefined();
    expect(followable(req('GET'), response(304))).toBeUndefined();
  });

  it('does not follow a redirect the operation documents', async () => {
    const inner = scripted([response(307, { location: '/signed' })]);
    const res = await new RedirectLayer(inner).send({ ...req('GET'), documentedStatuses: ['307'] } as HttpRequest);
    expect(res.status).toBe(307);
    expect(inner.sent).toHaveLength(1);
  });
});

/** A local HTTP server answering from `handle`; every socket is destroyed on close (held answers included). */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handle);
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

describe('the layers over the transport (RateLimitLayer(RedirectLayer(HttpClient)), as the runner composes them)', () => {
  const stack = (client: HttpClient) =>
    new RateLimitLayer(new RedirectLayer(client), { perRequestMs: 10_000, perRunMs: 10_000, defaultWaitMs: 1 });

  it('a keyed write whose answer was lost, then rate-limited, is replayed with its first key: applied once', async () => {
    // The first attempt is applied but its answer never comes (the client times out and re-sends it with its key);
    // the re-send is answered 429; the rate-limit layer sends it again after Retry-After. A fresh key there would
    // make the target apply the write a second time.
    const applied: string[] = [];
    const seen: string[] = [];
    const target = await serve((req, res) => {
      const key = String(req.headers['idempotency-key']);
      seen.push(key);
      if (seen.length === 1) return void applied.push(key); // applied, answer held until the server closes
      if (seen.length === 2) return void res.writeHead(429, { 'retry-after': '0' }).end();
      if (!applied.includes(key)) applied.push(key);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: applied.indexOf(key) }));
    });
    try {
      const client = new HttpClient({ timeoutMs: 200, backoffMs: 1 });
      const res = await stack(client).send({
        method: 'POST',
        url: `${target.url}/api/posts`,
        json: {},
        idempotencyHeader: 'Idempotency-Key',
      });
      expect(res.status).toBe(201);
      expect(seen).toHaveLength(3);
      expect(new Set(seen).size).toBe(1);
      expect(applied).toHaveLength(1);
      expect(client.losses).toMatchObject({ timeouts: 1, retries: 1, notResent: [] });
    } finally {
      await target.close();
    }
  });

  it('a write without a key whose answer was lost is not re-sent, not even by the rate-limit layer', async () => {
    let requests = 0;
    const target = await serve(() => void requests++); // never answers
    try {
      const client = new HttpClient({ timeoutMs: 100, setupTimeoutMs: 100, backoffMs: 1 });
      await expect(stack(client).send({ method: 'POST', url: `${target.url}/api/users`, json: {} })).rejects.toThrow(
        /not re-sent: POST is not idempotent/,
      );
      expect(requests).toBe(1);
      expect(client.losses.notResent).toEqual(['POST /api/users (timeout)']);
      // A set-up step is not re-sent either; its caller replaces it (listed as replaced), so it is not listed here.
      await expect(
        stack(client).send({ method: 'POST', url: `${target.url}/api/chats`, json: {}, setup: true }),
      ).rejects.toMatchObject({ notResent: true });
      expect(requests).toBe(2);
      expect(client.losses.notResent).toEqual(['POST /api/users (timeout)']);
    } finally {
      await target.close();
    }
  });

  it("a same-origin redirect is followed hop by hop, each hop with the transport's own retries; another origin is returned", async () => {
    let resets = 0;
    const target = await serve((req, res) => {
      if (req.url === '/api/old') return void res.writeHead(301, { location: '/api/new' }).end();
      if (req.url === '/api/away') return void res.writeHead(302, { location: 'http://other.example/api/new' }).end();
      if (resets++ === 0) return void req.socket.destroy(); // the first answer of the new location is lost
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    try {
      const client = new HttpClient({ timeoutMs: 5_000, backoffMs: 1 });
      const followed = await stack(client).send({ method: 'GET', url: `${target.url}/api/old` });
      expect(followed.status).toBe(200);
      expect(followed.exchange.request.url).toBe(`${target.url}/api/new`);
      expect(client.losses).toMatchObject({ resets: 1, retries: 1 });
      const away = await stack(client).send({ method: 'GET', url: `${target.url}/api/away` });
      expect(away.status).toBe(302);
    } finally {
      await target.close();
    }
  });
});

describe('the curl of a bad-token finding', () => {
  const curl = curlCommand({ method: 'GET', url: 'http://t/api/x', headers: { authorization: 'Bearer whatever' } });
  it('sends a token that needs no secret as it is', async () => {
    const token = (await tokenFor('alg-none', 'u1', undefined, 'valid'))!;
    const out = badTokenCurl(curl, 'alg-none', token);
    expect(out).toContain(`Bearer ${token}`);
    expect(out).not.toContain('$TOKEN');
  });

  it('rebuilds a token signed with the platform key in the shell, without printing its signature', async () => {
    const secret = 'repro-secret';
    const token = (await tokenFor('hs512', 'u1', secret, 'valid'))!;
    const out = badTokenCurl(curl, 'hs512', token);
    expect(out).not.toContain(token.split('.')[2]);
    const line = out.split('\n').find((l) => l.startsWith('TOKEN='))!;
    const rebuilt = execFileSync('bash', ['-c', `${line}; printf '%s' "$TOKEN"`], {
      env: { ...process.env, JWT_SECRET: secret },
    }).toString();
    expect(rebuilt).toBe(token);
    const signed = token.split('.').slice(0, 2).join('.');
    expect(rebuilt.split('.')[2]).toBe(createHmac('sha512', secret).update(signed).digest('base64url'));
  });

  it('says when no header was sent', () => {
    expect(badTokenCurl(curl, 'none', undefined)).toMatch(/^# no Authorization header\ncurl /);
  });
});
