// The CLI (`npm run lint:specs`): exit status and the output formats CI reads (stylish, JUnit, SARIF).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { goodAsyncApi } from './__helpers__/documents.ts';

const run = promisify(execFile);
const specsDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const tsx = resolve(specsDir, '../node_modules/.bin/tsx');

async function lintCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['lint/run.ts', ...args], {
      cwd: specsDir,
      env: { ...process.env, INIT_CWD: specsDir },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('lint CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sn-lint-'));
  const bad = goodAsyncApi();
  delete (bad.operations.receivePostCreated['x-consumer'] as { dlq?: unknown }).dlq;
  const badFile = join(dir, 'bad.yaml');
  const goodFile = join(dir, 'good.yaml');
  writeFileSync(badFile, stringify(bad));
  writeFileSync(goodFile, stringify(goodAsyncApi()));

  it('exits 1 and names the rule in stylish output when a document has an error', async () => {
    const { code, stdout } = await lintCli([badFile]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/error\s+sn-consumer-dlq\s+Consumed channel `postsCreated`/);
  });

  it('exits 0 when a document has no error', async () => {
    const { code, stderr } = await lintCli([goodFile]);
    expect(stderr).toMatch(/1 documents, 0 errors/);
    expect(code).toBe(0);
  });

  it('writes JUnit XML with one failing test case per finding', async () => {
    const out = join(dir, 'lint.xml');
    expect((await lintCli(['--format', 'junit', '--output', out, badFile])).code).toBe(1);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toMatch(/<testcase[^>]*name="[^"]*sn-consumer-dlq[^"]*"/);
    expect(xml).toMatch(/<failure/);
  });

  it('writes SARIF 2.1.0 whose results carry our rule id and the file', async () => {
    const out = join(dir, 'lint.sarif');
    expect((await lintCli(['--format', 'sarif', '--output', out, badFile])).code).toBe(1);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const ours = sarif.runs[0]!.results.filter((r) => r.ruleId === 'sn-consumer-dlq');
    expect(ours).toHaveLength(2);
    expect(ours[0]!.level).toBe('error');
    expect(ours[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/bad\.yaml$/);
  });

  it('names real spec files relative to the repository root in SARIF (as code scanning expects)', async () => {
    const out = join(dir, 'real.sarif');
    await lintCli(['--format', 'sarif', '--output', out, resolve(specsDir, 'openapi/users.yaml')]);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: {
        artifacts?: { location: { uri: string } }[];
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris.size).toBeGreaterThan(0);
    expect([...uris].every((u) => u.startsWith('specs/'))).toBe(true);
  });

  it('refuses a file that does not exist (e.g. options npm kept for itself) instead of crashing', async () => {
    const { code, stderr } = await lintCli(['junit']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such spec file: .*junit/);
  });

  it('refuses an unknown format', async () => {
    const { code, stderr } = await lintCli(['--format', 'xml', goodFile]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown --format xml/);
  });
});
