import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunResult } from '../../src/engine/findings.ts';
import { MARK } from '../../src/prove.ts';
import { foreignRows, type ForeignFixture } from '../../src/prove-foreign.ts';
import { REPO_ROOT } from '../../src/spec/load.ts';
import { explain } from './expect-run.ts';

/** The code block after the README's "`npx conformance prove` on a fresh clone" paragraph. */
export function readmeProveBlock(readme: string): string {
  const at = readme.indexOf('`npx conformance prove` on a fresh clone');
  if (at < 0) throw new Error('README.md has no "`npx conformance prove` on a fresh clone" paragraph');
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error('no code block after the prove paragraph of README.md');
  return block[1]!;
}

/** The matrix of a prove text, as cells: its header and one row per check, up to the first blank line. */
export function matrixCells(text: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('check '));
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end).map((l) => l.trim().split(/\s{2,}/));
}

/** README.md's prove matrix. */
export function readmeMatrix(): string[][] {
  return matrixCells(readmeProveBlock(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')));
}

/** One column of README.md's matrix: check id → cell as `conformance prove` prints it (without the tag's `*`). */
export function readmeColumn(column: string): Record<string, string> {
  const [header, ...rows] = readmeMatrix();
  const index = header!.indexOf(column);
  if (index < 0) throw new Error(`README.md's prove matrix has no column ${column}`);
  return Object.fromEntries(rows.map((row) => [row[0]!, row[index]!.replace(/\*$/, '')]));
}

/**
 * The run of one prove column (the same options `conformance prove` uses) gives README.md's column for it: the test
 * that runs a fixture compares it, so the whole matrix is checked with each column run once in the suite.
 */
export function expectReadmeColumn(result: RunResult, column: string): void {
  const got = Object.fromEntries(result.checks.map((c) => [c.id, MARK[c.status]]));
  expect(got, `${column}: README.md's prove matrix differs from this run\n${explain(result)}`).toEqual(
    readmeColumn(column),
  );
}

/** The foreign-style section of a prove text: its table's rows (fixture, check, cell, outcomes), header left out. */
export function foreignCells(text: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('fixture '));
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end).map((l) => l.trim().split(/\s{2,}/));
}

/** README.md's foreign-style rows of one fixture, as `check → [cell, outcomes]`. */
export function readmeForeignRows(fixture: string): Record<string, string[]> {
  const rows = foreignCells(readmeProveBlock(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')));
  return Object.fromEntries(rows.filter((r) => r[0] === fixture).map((r) => [r[1]!, r.slice(2)]));
}

/** The run of one foreign-style fixture (prove's) gives README.md's rows for it, cell and outcomes. */
export function expectReadmeForeign(fixture: ForeignFixture, result: RunResult): void {
  const got = Object.fromEntries(
    foreignRows(fixture, result).map((r) => [r.check, [MARK[r.cell], r.outcomes.join(', ')]]),
  );
  expect(got, `${fixture.id}: README.md's foreign-style rows differ from this run\n${explain(result)}`).toEqual(
    readmeForeignRows(fixture.id),
  );
}
