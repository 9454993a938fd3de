// The Go client SDK (OpenAPI Generator's `go` generator) for the gateway document. The generator jar comes from Maven
// Central at the version pinned in openapitools.json, installed into .cache/jars by install-tools.sh (which generation
// calls itself when the jar is missing); the
// @openapitools/openapi-generator-cli wrapper runs it and never downloads (storageDir + version are set).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { headerLines, htmlHeader, tsHeader, type Header } from './output.ts';
import { ROOT, gatewayDoc } from './sources.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const config = join(here, 'openapitools.json');
const wrapper = join(ROOT, 'node_modules/@openapitools/openapi-generator-cli/main.js');

export const GO_MODULE = 'github.com/socialnet/socialnet-contracts/generated/go-client';

export function generatorJar(): string {
  const { version, storageDir } = (
    JSON.parse(readFileSync(config, 'utf8')) as { 'generator-cli': { version: string; storageDir: string } }
  )['generator-cli'];
  return resolve(here, storageDir, `${version}.jar`);
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    // PWD: the wrapper resolves openapitools.json's storageDir against $PWD, not the process's cwd.
    const child = spawn(cmd, args, { cwd, env: { ...process.env, PWD: cwd }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * The gateway document as the go generator can compile it. Two valid constraints make it emit Go that does not build,
 * so they are dropped from its input only (the server still enforces both):
 *  - `maximum: 9223372036854775807` on int64 ids: the generator prints it as a double (9223372036854776000), which
 *    overflows int64; an int64 cannot exceed it anyway;
 *  - `maxLength` / `minLength` on `format: binary` uploads: the generator applies `strlen` to an *os.File; the upload
 *    limit is the 413 the services answer.
 */
export function goGeneratorInput(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(goGeneratorInput);
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'maximum' && typeof v === 'number' && v > Number.MAX_SAFE_INTEGER) continue;
    if ((k === 'maxLength' || k === 'minLength') && schema.format === 'binary') continue;
    out[k] = goGeneratorInput(v);
  }
  return out;
}

/** The generator jar, brought by install-tools.sh when missing (it says on stderr what it does, or what is lacking). */
async function ensureGeneratorJar(): Promise<string> {
  const jar = generatorJar();
  const installed = await new Promise<number | null>((done) => {
    const child = spawn('bash', [join(here, 'install-tools.sh'), 'jar'], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => done(null));
    child.on('close', done);
  });
  if (installed !== 0 || !existsSync(jar)) {
    throw new Error(
      `the OpenAPI Generator jar (${relative(ROOT, jar)}) is not there and scripts/generate/install-tools.sh could not bring it`,
    );
  }
  return jar;
}

export async function generateGoClient(out: string): Promise<void> {
  await ensureGeneratorJar();
  const work = mkdtempSync(join(tmpdir(), 'sn-go-'));
  const input = join(work, 'openapi.yaml');
  writeFileSync(input, stringify(goGeneratorInput(parse(readFileSync(gatewayDoc().file, 'utf8')))));
  const target = join(out, 'go-client');
  try {
    await generate(input, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // Not part of the SDK: CI and publishing files of a stand-alone repository (the go generator always writes them).
  for (const f of ['.travis.yml', 'git_push.sh']) rmSync(join(target, f), { force: true });
  addHeaders(target);
}

/** Go files carry the generator's `// Code generated ... DO NOT EDIT.`; give the other files a header too. */
function addHeaders(target: string): void {
  const header = { generator: `OpenAPI Generator ${generatorVersion()} (go)`, sources: [gatewayDoc().rel] };
  const comment: Record<string, (h: typeof header) => string> = {
    '.md': htmlHeader,
    '.mod': (h) => tsHeader(h),
    '.yaml': hashHeader,
    '.gitignore': hashHeader,
    '.openapi-generator-ignore': hashHeader,
  };
  for (const file of readdirSync(target, { recursive: true, encoding: 'utf8' })) {
    const name = basename(file);
    const add = comment[name.startsWith('.') ? name : extname(name)];
    if (!add || file.startsWith('.openapi-generator/')) continue;
    const path = join(target, file);
    writeFileSync(path, add(header) + readFileSync(path, 'utf8'));
  }
}

const hashHeader = (h: Header) => `# ${headerLines(h).join('\n# ')}\n`;

function generatorVersion(): string {
  return (JSON.parse(readFileSync(config, 'utf8')) as { 'generator-cli': { version: string } })['generator-cli']
    .version;
}

function generate(input: string, target: string): Promise<void> {
  return run(
    process.execPath,
    [
      wrapper,
      '--openapitools',
      config,
      'generate',
      '--generator-name',
      'go',
      '--input-spec',
      input,
      '--output',
      target,
      '--git-host',
      'github.com',
      '--git-user-id',
      'socialnet',
      '--git-repo-id',
      'socialnet-contracts/generated/go-client',
      '--additional-properties',
      'packageName=socialnet,enumClassPrefix=true,hideGenerationTimestamp=true,disallowAdditionalPropertiesIfNotPresent=false',
      '--global-property',
      'apiTests=false,modelTests=false',
    ],
    here,
  );
}
