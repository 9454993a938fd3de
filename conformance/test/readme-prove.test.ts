import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.ts';
import { defectsOf } from '../src/engine/check.ts';
import { proveMatrix, proveText } from '../src/prove.ts';
import { REPO_ROOT } from '../src/spec/load.ts';
import { DEFECTS } from './defects/index.ts';

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

const block = readmeProveBlock(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
const table = matrixCells(block);

describe("README.md's prove matrix", () => {
  it('has a column per fixture and a row per check, and * on exactly the cells where a check is tagged for the fixture', () => {
    expect(table[0]).toEqual(['check', 'reference', ...DEFECTS.map((d) => d.id)]);
    expect(table.slice(1).map((row) => row[0])).toEqual(CHECKS.map((c) => c.id));
    for (const [id, ...cells] of table.slice(1)) {
      const tagged = defectsOf(CHECKS.find((c) => c.id === id)!);
      const starred = table[0]!.slice(1).filter((_, i) => cells[i]!.endsWith('*'));
      expect(starred, id).toEqual(tagged.filter((d) => DEFECTS.some((f) => f.id === d)).sort((a, b) => table[0]!.indexOf(a) - table[0]!.indexOf(b)));
      for (const [i, cell] of cells.entries()) {
        if (cell.endsWith('*')) expect(cell, `${id} on ${table[0]![i + 1]}`).toBe('FAIL*');
        else expect(['FAIL', 'ERROR'], `${id} on ${table[0]![i + 1]}`).not.toContain(cell);
      }
    }
    expect(block).toContain('Every defect is caught by exactly its tagged checks; the reference passes.');
  });

  // The whole matrix, run: the reference and every fixture against every check (the slowest test of the workspace).
  it('is what `conformance prove` prints', { timeout: 1_800_000 }, async () => {
    const result = await proveMatrix({ concurrency: 8 });
    const text = proveText(result);
    expect(result.problems, text).toEqual([]);
    expect(matrixCells(text), text).toEqual(table);
  });
});
