// README command 1, `npm install && npx conformance run`, in a fresh clone: on the oldest supported Node (the minimum
// of package.json `engines.node`) with no EBADENGINE warning, and `npx conformance run` again (the authn checks) on
// Node 20 (end-of-life, what this machine and CI have), which must run itself on the pinned Node 24
// (docs/decisions/0011). Each Node comes from the npm registry through scripts/runtime/node.sh. The clone is of the
// committed HEAD. Under heavy load (load average 20+ on 2 cores) conformance's 10 s request deadline can leave targets
// blocked (exit 2); that is the machine, not the runtime.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SUPPORTED: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node;
const OLDEST = semver.minVersion(SUPPORTED)!.version;
const PINNED = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();
const END_OF_LIFE = '20.20.2';

type Outcome = { code: number; stdout: string; output: string };

function sh(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Outcome> {
  return promisify(execFile)(command, args, { ...options, maxBuffer: 64 << 20 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, output: stdout + stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      output: e.stdout + e.stderr,
    }),
  );
}

async function nodeBin(version: string): Promise<string> {
  const found = await sh('bash', [join(ROOT, 'scripts/runtime/node.sh'), 'bin', version], { cwd: ROOT });
  if (found.code !== 0) throw new Error(found.output);
  return found.stdout.trim();
}

/** A user's shell with `bin` first: none of this run's npm variables, node_modules/.bin or pinned Node. */
function userEnv(bin: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((p) => !p.includes('node_modules') && !p.includes(join('.cache', 'node')));
  return { ...env, PATH: [bin, ...path].join(delimiter) };
}

const clone = mkdtempSync(join(tmpdir(), 'sn-readme-1-'));
// Asynchronous: removing a whole node_modules synchronously would block this worker long enough for vitest's RPC to time out.
afterAll(() => rm(clone, { recursive: true, force: true }), 300_000);

describe(`README command 1 in a fresh clone`, () => {
  let install: Outcome;
  beforeAll(async () => {
    expect((await sh('git', ['clone', '--quiet', ROOT, clone], { cwd: ROOT })).code).toBe(0);
    install = await sh('npm', ['install'], { cwd: clone, env: userEnv(await nodeBin(OLDEST)) });
  }, 900_000);

  it(`npm install on Node ${OLDEST} (the oldest supported) installs without an EBADENGINE warning`, () => {
    expect(install.code, install.output).toBe(0);
    expect(install.output).not.toMatch(/EBADENGINE/);
  });

  it(`npx conformance run on Node ${OLDEST} passes against the reference on embedded defaults`, async () => {
    const env = userEnv(await nodeBin(OLDEST));
    expect((await sh('node', ['-p', 'process.version'], { cwd: clone, env })).output.trim()).toBe(`v${OLDEST}`);
    const run = await sh('npx', ['conformance', 'run'], { cwd: clone, env });
    expect(run.code, run.output.slice(-4000)).toBe(0);
    expect(run.output).not.toMatch(/is not supported/);
  }, 600_000);

  // The authn family only: what is under test here is that the CLI runs itself on the pinned Node; the whole suite on
  // that Node is the conformance project's tests.
  it(`npx conformance run on Node ${END_OF_LIFE} says so in one line and runs on Node ${PINNED}`, async () => {
    const run = await sh('npx', ['conformance', 'run', '--only', 'authn'], {
      cwd: clone,
      env: userEnv(await nodeBin(END_OF_LIFE)),
    });
    expect(run.code, run.output.slice(-4000)).toBe(0);
    expect(run.output).toContain(
      `conformance: Node v${END_OF_LIFE} is not supported (needs ${SUPPORTED}); running on Node ${PINNED} from .cache/node`,
    );
  }, 600_000);
});
