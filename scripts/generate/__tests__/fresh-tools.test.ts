// `npm run generate` in a copy of the repository without .cache (as a fresh clone): it brings the OpenAPI Generator
// jar itself through install-tools.sh, and when a tool to bring it is missing it fails in one line, not a stack trace.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../sources.ts';

const clone = mkdtempSync(join(tmpdir(), 'sn-fresh-generate-'));
for (const part of [
  'package.json',
  'scripts/package.json',
  'scripts/generate',
  'scripts/generate.ts',
  'specs/openapi',
  'specs/asyncapi',
])
  cpSync(join(ROOT, part), join(clone, part), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

async function generateGo(env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['--import', 'tsx', 'scripts/generate.ts', '--only', 'go-client', '--out', join(clone, 'out')];
  return promisify(execFile)(process.execPath, args, {
    cwd: clone,
    env: { ...env, INIT_CWD: clone },
    maxBuffer: 16 << 20,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** A PATH with the tools install-tools.sh uses, except Maven. */
async function pathWithoutMaven(): Promise<string> {
  const bin = join(clone, 'bin-without-mvn');
  mkdirSync(bin);
  for (const tool of ['bash', 'dirname', 'mkdir', 'mv', 'java']) {
    const { stdout } = await promisify(execFile)('bash', ['-c', `command -v ${tool}`]);
    symlinkSync(stdout.trim(), join(bin, tool));
  }
  return `${dirname(process.execPath)}:${bin}`;
}

describe('npm run generate on a fresh clone', () => {
  it('fails in one line naming what is missing when Maven is not there to fetch the jar', async () => {
    const { code, stderr } = await generateGo({ ...process.env, PATH: await pathWithoutMaven() });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      'install-tools: Maven is required to fetch the OpenAPI Generator jar (apt-get install -y maven)',
      'generate: failed: the OpenAPI Generator jar (.cache/jars/7.20.0.jar) is not there and scripts/generate/install-tools.sh could not bring it',
    ]);
  });

  it('brings the jar itself through install-tools.sh, then generates; a second install is a no-op', async () => {
    const { code, stdout, stderr } = await generateGo(process.env);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('install-tools: fetching org.openapitools:openapi-generator-cli:7.20.0');
    expect(existsSync(join(clone, '.cache/jars/7.20.0.jar'))).toBe(true);
    expect(existsSync(join(clone, 'out/go-client/client.go'))).toBe(true);
    const again = await promisify(execFile)('bash', [join(clone, 'scripts/generate/install-tools.sh'), 'jar']);
    expect(again.stdout + again.stderr).toBe('');
  }, 180_000);
});
