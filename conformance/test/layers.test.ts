import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand } from '../src/engine/curl.ts';
import type { HttpRequest, HttpResponse } from '../src/engine/http.ts';
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
    const layer = new RateLimitLayer(inner, { perRequestMs: 10_000, perRunMs: 10_000, defaultWaitMs: 500 }, async (ms) => void waits.push(ms));
    expect((await layer.send({ method: 'POST', url: 'http://t/x' })).status).toBe(201);
    expect(waits).toEqual([2000, 500]);
    expect(inner.sent).toHaveLength(3);
  });

  it('past its budget reports the 429 as rate-limited instead of returning it', async () => {
    const layer = new RateLimitLayer(scripted([response(429, { 'retry-after': '3600' })]), { perRequestMs: 60_000, perRunMs: 60_000, defaultWaitMs: 1 }, async () => {});
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
    const rebuilt = execFileSync('bash', ['-c', `${line}; printf '%s' "$TOKEN"`], { env: { ...process.env, JWT_SECRET: secret } }).toString();
    expect(rebuilt).toBe(token);
    const signed = token.split('.').slice(0, 2).join('.');
    expect(rebuilt.split('.')[2]).toBe(createHmac('sha512', secret).update(signed).digest('base64url'));
  });

  it('says when no header was sent', () => {
    expect(badTokenCurl(curl, 'none', undefined)).toMatch(/^# no Authorization header\ncurl /);
  });
});
