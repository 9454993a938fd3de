// When the running Node is older than the project supports (package.json `engines.node`; Node 20 is end-of-life),
// runs this command again on the tests' pinned Node, which scripts/runtime/node.sh brings from the npm registry into
// .cache/node once (docs/decisions/0011). So README command 1 keeps working on a machine whose Node is 20.
// Plain JavaScript that Node 20 runs as it is: this file decides before anything that needs a newer Node is loaded.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Resolves when this Node is supported; otherwise runs the command on the pinned Node and exits as it does. */
export async function onSupportedNode(name) {
  // installed from the packed tarball, outside this repository: the package's own engines decide (npm warns)
  if (!existsSync(join(ROOT, 'scripts/runtime/node.sh'))) return;
  const range = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node;
  if (semver.satisfies(process.versions.node, range)) return;
  const pinned = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();
  const found = spawnSync('bash', [join(ROOT, 'scripts/runtime/node.sh'), 'bin', pinned], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (found.status !== 0) {
    console.error(
      `${name}: Node ${process.version} is not supported (needs ${range}), and Node ${pinned} could not be brought; install Node 22 or 24`,
    );
    process.exit(1);
  }
  const bin = found.stdout.trim();
  console.error(
    `${name}: Node ${process.version} is not supported (needs ${range}); running on Node ${pinned} from .cache/node`,
  );
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  const child = spawn(join(bin, 'node'), process.argv.slice(1), { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  const [code, signal] = await new Promise((resolve) => child.on('exit', (...outcome) => resolve(outcome)));
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}
