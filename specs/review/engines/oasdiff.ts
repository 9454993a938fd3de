// oasdiff (github.com/oasdiff/oasdiff, Apache-2.0), the structural OpenAPI diff: `oasdiff changelog --format json`
// per document, its findings kept with oasdiff's own check ids. The binary is pinned and installed by
// scripts/generate/install-tools.sh into .cache/bin (OASDIFF_BIN overrides).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SpecTree } from '../spec-tree.ts';
import type { ChangeClass, Location, RawFinding } from '../types.ts';

const run = promisify(execFile);
const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export function oasdiffBin(): string {
  const bin = process.env.OASDIFF_BIN ?? join(REPO, '.cache/bin/oasdiff');
  if (!existsSync(bin))
    throw new Error(`oasdiff not found at ${bin}: run bash scripts/generate/install-tools.sh (or set OASDIFF_BIN)`);
  return bin;
}

export interface OasdiffEntry {
  id: string;
  text: string;
  /** 3 ERR, 2 WARN, 1 INFO */
  level: number;
  operation?: string;
  operationId?: string;
  path?: string;
  source?: string;
  baseSource?: { file: string; line: number };
  revisionSource?: { file: string; line: number };
}

export const LEVELS: Record<number, string> = { 3: 'ERR', 2: 'WARN', 1: 'INFO' };

/** oasdiff's own checks that say a request needs less authentication than before. */
const SECURITY = /^api-(global-)?security-(removed|scope-removed|anonymous-access-added|.*-removed)/;

export function classOf(entry: Pick<OasdiffEntry, 'id' | 'level'>): ChangeClass {
  if (SECURITY.test(entry.id)) return 'security-weakening';
  return entry.level >= 2 ? 'breaking' : 'non-breaking';
}

/** oasdiff's raw changelog of one document (both versions must exist). */
export async function oasdiffChangelog(base: SpecTree, head: SpecTree, file: string): Promise<OasdiffEntry[]> {
  const { stdout } = await run(
    oasdiffBin(),
    ['changelog', join(base.root, file), join(head.root, file), '--format', 'json'],
    {
      cwd: head.root,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: Error & { stderr?: string }) => {
    throw new Error(`oasdiff failed on ${file}: ${String(error.stderr ?? error.message).trim()}`);
  });
  return stdout.trim() === '' ? [] : (JSON.parse(stdout) as OasdiffEntry[]);
}

function located(tree: SpecTree, source: { file: string; line: number } | undefined): Location | undefined {
  if (!source) return undefined;
  const file = relative(tree.root, resolve(tree.root, source.file));
  return { file, line: source.line };
}

export async function oasdiffFindings(base: SpecTree, head: SpecTree, file: string): Promise<RawFinding[]> {
  return (await oasdiffChangelog(base, head, file)).map((e) => ({
    id: e.id,
    engine: 'oasdiff',
    class: classOf(e),
    subject: e.operationId ?? (e.operation && e.path ? `${e.operation} ${e.path}` : (e.path ?? file)),
    message: `${LEVELS[e.level] ?? e.level}: ${e.text}${e.operation && e.path ? ` (${e.operation} ${e.path})` : ''}`,
    ...(located(base, e.baseSource) ? { base: located(base, e.baseSource) } : {}),
    ...(located(head, e.revisionSource) ? { head: located(head, e.revisionSource) } : {}),
  }));
}
