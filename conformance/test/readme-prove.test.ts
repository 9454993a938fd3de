import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.ts';
import { defectsOf } from '../src/engine/check.ts';
import { REPO_ROOT } from '../src/spec/load.ts';
import { DEFECTS } from './defects/index.ts';
import { FOREIGN_FIXTURES } from './foreign/fixtures.ts';
import { foreignCells, matrixCells, readmeProveBlock } from './harness/readme-matrix.ts';

const block = readmeProveBlock(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
const table = matrixCells(block);

describe("README.md's prove matrix", () => {
  it('has a column per fixture and a row per check, and * on exactly the cells where a check is tagged for the fixture', () => {
    expect(table[0]).toEqual(['check', 'reference', ...DEFECTS.map((d) => d.id)]);
    expect(table.slice(1).map((row) => row[0])).toEqual(CHECKS.map((c) => c.id));
    for (const [id, ...cells] of table.slice(1)) {
      const tagged = defectsOf(CHECKS.find((c) => c.id === id)!);
      const starred = table[0]!.slice(1).filter((_, i) => cells[i]!.endsWith('*'));
      expect(starred, id).toEqual(
        tagged
          .filter((d) => DEFECTS.some((f) => f.id === d))
          .sort((a, b) => table[0]!.indexOf(a) - table[0]!.indexOf(b)),
      );
      for (const [i, cell] of cells.entries()) {
        if (cell.endsWith('*')) expect(cell, `${id} on ${table[0]![i + 1]}`).toBe('FAIL*');
        else expect(['FAIL', 'ERROR'], `${id} on ${table[0]![i + 1]}`).not.toContain(cell);
      }
    }
    expect(block).toContain('Every defect is caught by exactly its tagged checks; the reference passes.');
  });

  it('has a row per foreign-style fixture and check it states verdicts for, in the order prove runs them', () => {
    expect(foreignCells(block).map((row) => `${row[0]} ${row[1]}`)).toEqual(
      FOREIGN_FIXTURES.flatMap((f) => CHECKS.filter((c) => c.id in f.expect).map((c) => `${f.id} ${c.id}`)),
    );
    expect(block).toContain('Every foreign-style target has exactly its stated verdict.');
  });
  // Each column's cells are compared where that column is run once already: the reference in
  // reference-gateway.test.ts, each fixture in its own test (harness/defect-suite.ts, expectReadmeColumn), each
  // foreign-style fixture's rows in foreign/foreign.test.ts (expectReadmeForeign).
});
