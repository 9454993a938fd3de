// The labelled corpus (corpus.yaml): each pair applied to a copy of the real specs and reviewed. Also what oasdiff
// alone and @asyncapi/diff alone say about the same pair, for the side-by-side table of docs/spec-review.md.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { reviewTrees } from '../review.ts';
import { SpecTree } from '../spec-tree.ts';
import type { ChangeClass, Finding } from '../types.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const CORPUS_FILE = fileURLToPath(new URL('./corpus.yaml', import.meta.url));

/** What a spec version is made of (the rest of specs/ is code and tests). */
export const SPEC_PARTS = ['specs/openapi', 'specs/asyncapi', 'specs/clauses.yaml', 'specs/CHANGELOG-acks.yaml'];

export interface Edit {
  file: string;
  find: string;
  replace: string;
}

export interface Pair {
  id: string;
  change: string;
  expect: ChangeClass;
  rules: string[];
  engines?: string[];
  acknowledged?: string[];
  edits: Edit[];
}

export function loadCorpus(file = CORPUS_FILE): Pair[] {
  return (parse(readFileSync(file, 'utf8')) as { pairs: Pair[] }).pairs;
}

/** A copy of the real specs/ with the pair's edits applied; every `find` must occur exactly once. */
export function applyPair(edits: Edit[], from = REPO_ROOT): { root: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'sn-spec-review-pair-'));
  for (const part of SPEC_PARTS) {
    if (existsSync(join(from, part))) cpSync(join(from, part), join(root, part), { recursive: true });
  }
  for (const edit of edits) {
    const path = join(root, edit.file);
    const text = readFileSync(path, 'utf8');
    const count = text.split(edit.find).length - 1;
    if (count !== 1) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(
        `corpus edit of ${edit.file}: \`${edit.find.slice(0, 80)}\` occurs ${count} times (must be once; the specs changed under the corpus?)`,
      );
    }
    writeFileSync(
      path,
      text.replace(edit.find, () => edit.replace),
    );
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export interface PairResult {
  pair: Pair;
  verdict: ChangeClass;
  findings: Finding[];
  /** the oasdiff findings, with oasdiff's own level */
  oasdiff: Finding[];
  asyncapiDiff: Finding[];
}

export async function runPair(pair: Pair): Promise<PairResult> {
  const head = applyPair(pair.edits);
  try {
    const result = await reviewTrees(new SpecTree(REPO_ROOT, 'base'), new SpecTree(head.root, pair.id));
    return {
      pair,
      verdict: result.verdict,
      findings: result.findings,
      oasdiff: result.findings.filter((f) => f.engine === 'oasdiff'),
      asyncapiDiff: result.findings.filter((f) => f.engine === 'asyncapi-diff'),
    };
  } finally {
    head.dispose();
  }
}

/** Runs every pair, `concurrency` at a time (each pair runs its engines once, documents in parallel). */
export async function runCorpus(pairs = loadCorpus(), concurrency = 4): Promise<PairResult[]> {
  const results: PairResult[] = new Array(pairs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < pairs.length) {
        const i = next++;
        results[i] = await runPair(pairs[i]!);
      }
    }),
  );
  return results;
}
