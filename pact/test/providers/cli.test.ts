import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitVersion } from '../../../conformance/src/pact/versions.ts';
import { startSingleService } from '@socialnet/reference';
import { freshDatabase } from '../../../scripts/testing/scratch-database.ts';
import { PACTS_DIR } from '../support/pact-files.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../../conformance/bin/conformance.js');
const SECRET = 'pact-cli-secret-0123456789abcdef0123';

/** The CLI as another team runs it against their provider: exit code, reports, the matrix. */
async function conformance(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, ...args], { timeout: 120_000, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '' };
  }
}

describe('npx conformance pact-verify / pact-matrix against the media service alone', () => {
  let media: { url: string; close(): Promise<void> };
  let drop: (() => Promise<void>) | undefined;
  const out = mkdtempSync(path.join(os.tmpdir(), 'pact-cli-'));
  beforeAll(async () => {
    const scratch = process.env.TEST_DATABASE_URL
      ? await freshDatabase(process.env.TEST_DATABASE_URL, 'pact')
      : undefined;
    drop = scratch?.drop;
    media = await startSingleService({
      service: 'media',
      jwtSecret: SECRET,
      databaseUrl: scratch?.url,
      logLevel: 'silent',
      serviceUrls: {},
    });
  });
  afterAll(async () => {
    await media?.close();
    await drop?.();
  });

  it(
    'passes with the right secret, writing the suite’s reports and the verification result',
    { timeout: 180_000 },
    async () => {
      const good = await conformance(
        'pact-verify',
        '--provider',
        'media',
        '--base-url',
        media.url,
        '--jwt-secret',
        SECRET,
        '--provider-version',
        'm1',
        '--report',
        'junit,json',
        '--out',
        out,
      );
      expect(good.stdout).toMatch(/✔ pass\s+pact\.posts-media/);
      expect(good.code).toBe(0);
      const junit = readFileSync(path.join(out, 'conformance.junit.xml'), 'utf8');
      expect(junit).toMatch(/<testsuite name="pact" tests="2" failures="0"/);
      const saved = JSON.parse(readFileSync(path.join(out, 'pact-verification-media.json'), 'utf8'));
      expect(
        saved.pacts.map((p: { consumer: string; providerVersion: string }) => `${p.consumer}@${p.providerVersion}`),
      ).toEqual(['chats@m1', 'posts@m1']);

      const matrix = await conformance('pact-matrix', '--results', out, '--out', out, '--can-i-deploy', 'media@m1');
      expect(matrix.stdout).toMatch(/can-i-deploy media@m1: yes/);
      expect(matrix.code).toBe(0);
      const posts = gitVersion(path.join(PACTS_DIR, 'posts-media.json'));
      expect(JSON.parse(readFileSync(path.join(out, 'pact-matrix.json'), 'utf8'))).toContainEqual(
        expect.objectContaining({
          consumer: 'posts',
          consumerVersion: posts,
          provider: 'media',
          providerVersion: 'm1',
          verified: true,
        }),
      );
    },
  );

  it(
    'fails (exit 1, can-i-deploy no) when the provider refuses the consumers’ calls',
    { timeout: 180_000 },
    async () => {
      const bad = await conformance(
        'pact-verify',
        '--provider',
        'media',
        '--base-url',
        media.url,
        '--jwt-secret',
        'not-the-platform-secret-0123456789ab',
        '--provider-version',
        'm2',
        '--out',
        out,
      );
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/Provider does not honour the pact: an upload to the posts prefix, as the caller/);
      const matrix = await conformance('pact-matrix', '--results', out, '--out', out, '--can-i-deploy', 'media@m2');
      expect(matrix.stdout).toMatch(/media@m2: no\n\s+chats→media: not verified/);
      expect(matrix.code).toBe(1);
    },
  );
});
