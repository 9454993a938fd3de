// npm pack / publish: the published CLI carries the specs it checks against (specs/openapi, specs/asyncapi, specs/model,
// specs/clauses.yaml), copied next to its sources before packing and removed afterwards. src/spec/load.ts finds
// them there (an installed package has no repository around it).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const target = join(pkg, 'specs');
if (process.argv[2] === 'clean') {
  rmSync(target, { recursive: true, force: true });
} else {
  const source = join(pkg, '..', 'specs');
  if (!existsSync(join(source, 'openapi')))
    throw new Error(`no specs at ${source}: pack from the socialnet-contracts repository`);
  rmSync(target, { recursive: true, force: true });
  for (const part of ['openapi', 'asyncapi', 'clauses.yaml', 'model'])
    cpSync(join(source, part), join(target, part), { recursive: true });
}
