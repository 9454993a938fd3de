// One request id per request across the gateway and the service behind it: both log lines and the response carry it.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../src/shared/observability/logger.ts';
import { createMetrics } from '../src/shared/observability/metrics.ts';
import { observe } from '../src/shared/observability/observe.ts';

describe('request ids (observe)', () => {
  const lines: { service: string; requestId: string }[] = [];
  const log = { info: (line: { service: string; requestId: string }) => lines.push(line) } as unknown as Logger;
  let base = '';
  let close = () => undefined as unknown;
  beforeAll(async () => {
    const metrics = createMetrics(false);
    const service = express()
      .use(observe('chats', metrics, log))
      .get('/ping', (_req, res) => void res.json({ ok: true }));
    const gateway = express()
      .use(observe('gateway', metrics, log))
      .use(service); // as the in-process gateway mounts a service
    const server = gateway.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const logged = async (response: Response) => {
    await response.text();
    await new Promise((resolve) => setImmediate(resolve)); // 'finish' listeners have run
    return lines.splice(0).map((l) => [l.service, l.requestId]);
  };

  it('generates one id and logs it for the gateway and the service alike, as the response header says', async () => {
    const response = await fetch(`${base}/ping`);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await logged(response)).toEqual([
      ['gateway', id],
      ['chats', id],
    ]);
  });

  it("keeps the caller's X-Request-Id", async () => {
    const response = await fetch(`${base}/ping`, { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(await logged(response)).toEqual([
      ['gateway', 'trace-123'],
      ['chats', 'trace-123'],
    ]);
  });
});
