// generated/ is what `npm run generate` makes from the committed specs: regenerate into a temporary directory and
// compare byte for byte. Also proves reproducibility (the same inputs give the same bytes).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, PARTS, generate } from '../../generate.ts';
import { listFiles } from './files.ts';

/** Every file the generator parts own (an output is a folder or a single file). */
function filesOf(root: string): string[] {
  return Object.values(PARTS)
    .flatMap((part) => part.outputs)
    .flatMap((output) => {
      const path = join(root, output);
      if (!existsSync(path)) return [];
      return statSync(path).isDirectory() ? listFiles(root, path) : [output];
    })
    .sort();
}

describe('generated/ is up to date with the specs', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'sn-generated-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('regenerating changes nothing (run `npm run generate` and commit when this fails)', async () => {
    await generate(fresh);
    const committed = filesOf(DEFAULT_OUT);
    const regenerated = filesOf(fresh);
    const missing = regenerated.filter((f) => !committed.includes(f)).map((f) => `missing: generated/${f}`);
    const extra = committed.filter((f) => !regenerated.includes(f)).map((f) => `no longer generated: generated/${f}`);
    const stale = regenerated
      .filter((f) => committed.includes(f))
      .filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(DEFAULT_OUT, f))))
      .map((f) => `stale: generated/${f}`);
    expect([...missing, ...extra, ...stale]).toEqual([]);
  }, 300_000);
});
