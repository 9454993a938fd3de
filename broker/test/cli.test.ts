// Broker > CLI: foreground process that prints its address, serves kafkajs, and exits cleanly on signals.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kafka, waitFor } from './helpers.ts';

const BIN = fileURLToPath(new URL('../bin/broker.js', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

describe('Broker > CLI', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints its address, serves clients and exits 0 on ${signal}`, async () => {
      const p = run(['--port', '0', '--control-port', '0']);
      const address = (await waitFor('the address line', () => /listening on (127\.0\.0\.1:\d+)/.exec(p.out())?.[1]))!;
      await waitFor(
        'the control line',
        () => /control interface on http:\/\/127\.0\.0\.1:\d+/.test(p.out()) || undefined,
      );
      const admin = kafka(address).admin();
      await admin.connect();
      expect(await admin.createTopics({ topics: [{ topic: 'cli-topic' }] })).toBe(true);
      await admin.disconnect();
      p.child.kill(signal);
      expect(await p.exited).toBe(0);
    });
  }

  it('rejects a bad option with usage and exit code 2', async () => {
    const p = run(['--port', 'abc']);
    expect(await p.exited).toBe(2);
    expect(p.err()).toMatch(/--port must be a non-negative integer/);
    const q = run(['--nope']);
    expect(await q.exited).toBe(2);
    expect(q.err()).toMatch(/usage: broker/);
  });

  it('exits 1 with a message when the port is taken', async () => {
    const first = run(['--port', '0']);
    const address = (await waitFor(
      'the address line',
      () => /listening on 127\.0\.0\.1:(\d+)/.exec(first.out())?.[1],
    ))!;
    const second = run(['--port', address]);
    expect(await second.exited).toBe(1);
    expect(second.err()).toMatch(/broker failed to start: .*EADDRINUSE/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
