// The generated TypeScript client talks to a real HTTP server on loopback: gateway paths, bearer token, typed JSON.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceClient, createSocialnetClient } from '../../../generated/ts-client/index.ts';
import type { users } from '../../../generated/server-types/index.ts';

describe('generated/ts-client', () => {
  const seen: { method?: string; url?: string; authorization?: string; body: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user_id: '1-abc' }));
    });
  });
  let baseUrl = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("calls the gateway path with the caller's bearer token", async () => {
    const client = createSocialnetClient({ baseUrl, token: 'tok-1' });
    const { data, response } = await client.GET('/api/whoami');
    expect(response.status).toBe(200);
    expect(data).toEqual({ user_id: '1-abc' });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/api/whoami', authorization: 'Bearer tok-1' });
  });

  it('sends no Authorization header without a token, and reads a token function per request', async () => {
    await createSocialnetClient({ baseUrl }).POST('/api/users/login', {
      body: { email: 'ann@example.com', password: 'pw-123456' },
    });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/users/login', authorization: undefined });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ email: 'ann@example.com', password: 'pw-123456' });
    let n = 0;
    const client = createSocialnetClient({ baseUrl, token: () => `tok-${++n}` });
    await client.GET('/api/whoami');
    await client.GET('/api/whoami');
    expect(seen.slice(-2).map((s) => s.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it("serves a single service document's paths too", async () => {
    const client = createServiceClient<users.paths>({ baseUrl, token: 'tok-9' });
    await client.GET('/whoami');
    expect(seen.at(-1)).toMatchObject({ url: '/whoami', authorization: 'Bearer tok-9' });
  });
});
