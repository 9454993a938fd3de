// The Go usage example of docs/generation.md builds against the generated SDK (through a `replace` directive, as a Go
// team inside this repository would use it) and talks to a real HTTP server on loopback: bearer token, idempotency
// key header, and an RFC 9457 problem decoded into socialnet.Problem.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT } from '../../generate.ts';
import { GO_MODULE } from '../go-client.ts';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../examples/go-usage/main.go', import.meta.url));

describe('the Go SDK usage example', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sn-go-usage-'));
  const seen: { method?: string; url?: string; authorization?: string; key?: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        key: req.headers['idempotency-key'] as string,
        body,
      });
      if (req.url === '/api/whoami') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ user_id: '1-abc', shard_id: 1 }));
        return;
      }
      const problem = {
        type: 'https://socialnet.dev/problems/not-found',
        title: 'Not Found',
        status: 404,
        detail: 'chat 7 not found',
      };
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify(problem));
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    copyFileSync(example, join(dir, 'main.go'));
    writeFileSync(
      join(dir, 'go.mod'),
      `module example.com/usage\n\ngo 1.23\n\nrequire ${GO_MODULE} v0.0.0\n\nreplace ${GO_MODULE} => ${join(DEFAULT_OUT, 'go-client')}\n`,
    );
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds, sends the token and the idempotency key, and reads the problem', async () => {
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
    await run('go', ['build', '-o', 'usage', '.'], { cwd: dir, env });
    const result = await run(join(dir, 'usage'), [], {
      env: { ...env, SOCIALNET_URL: url, SOCIALNET_TOKEN: 'tok-7' },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(result.stdout).toBe('whoami 1-abc\nproblem 404 Not Found https://socialnet.dev/problems/not-found\n');
    expect(result.code).toBe(1);
    expect(seen.map(({ method, url: u, authorization, key }) => ({ method, url: u, authorization, key }))).toEqual([
      { method: 'GET', url: '/api/whoami', authorization: 'Bearer tok-7', key: undefined },
      { method: 'POST', url: '/api/messages', authorization: 'Bearer tok-7', key: 'retry-1' },
    ]);
    expect(JSON.parse(seen[1]!.body)).toEqual({ chat_id: 7, text: 'hello' });
  }, 240_000);
});
