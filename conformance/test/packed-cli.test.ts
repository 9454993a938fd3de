import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type StartedReference } from '../src/reference.ts';

const exec = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The CLI as another team gets it: `npm pack -w conformance`, installed into an empty folder outside this
 * repository, run with npx against a running reference. Nothing from the monorepo is reachable from there.
 */
describe('the packed CLI, installed into an empty folder', () => {
  let folder: string;
  let reference: StartedReference;
  const npx = (args: string[]) =>
    exec('npx', ['--no-install', 'conformance', ...args], {
      cwd: folder,
      env: { ...process.env, JWT_SECRET: '' },
      maxBuffer: 16 << 20,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e) => ({ code: e.code as number, stdout: String(e.stdout), stderr: String(e.stderr) }),
    );

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'conformance-installed-'));
    await exec('npm', ['pack', '-w', 'conformance', '--pack-destination', folder], { cwd: REPO });
    const tarball = readdirSync(folder).find((f) => f.endsWith('.tgz'))!;
    await exec('npm', ['init', '-y'], { cwd: folder });
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`], { cwd: folder });
    reference = await startReference();
  }, 600_000);

  afterAll(async () => {
    await reference?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('lists the checks and prints its version', { timeout: 120_000 }, async () => {
    const list = await npx(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('authn.rejects-bad-tokens');
    expect((await npx(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs against a running reference with the specs it ships', { timeout: 600_000 }, async () => {
    const run = await npx([
      'run',
      '--base-url',
      reference.target.baseUrl!,
      '--jwt-secret',
      reference.jwtSecret,
      '--only',
      'authn,contract.unknown-route',
    ]);
    expect(run.stdout, run.stderr).toContain('exit 0: every selected check passed');
    expect(run.code).toBe(0);
    // The specs came from inside the package, not from this repository.
    expect(readdirSync(join(folder, 'node_modules/@socialnet/conformance/specs/openapi'))).toContain('chats.yaml');
  });

  it('says that prove needs the repository', { timeout: 120_000 }, async () => {
    const prove = await npx(['prove']);
    expect(prove.code).toBe(2);
    expect(prove.stderr).toContain('prove runs in the socialnet-contracts repository');
  });
});
