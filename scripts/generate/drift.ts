// generated/ against what `npm run generate` makes from the committed specs: regenerate into a temporary directory
// and compare byte for byte. Used by the drift test and by `npm run spec:review`.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OUT, PARTS, generate } from '../generate.ts';
import { listFiles } from './__tests__/files.ts';

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

/** `missing: generated/...`, `no longer generated: generated/...`, `stale: generated/...`; empty when up to date. */
export async function generatedDrift(committedRoot = DEFAULT_OUT): Promise<string[]> {
  const fresh = mkdtempSync(join(tmpdir(), 'sn-generated-'));
  try {
    await generate(fresh);
    const committed = filesOf(committedRoot);
    const regenerated = filesOf(fresh);
    const missing = regenerated.filter((f) => !committed.includes(f)).map((f) => `missing: generated/${f}`);
    const extra = committed.filter((f) => !regenerated.includes(f)).map((f) => `no longer generated: generated/${f}`);
    const stale = regenerated
      .filter((f) => committed.includes(f))
      .filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(committedRoot, f))))
      .map((f) => `stale: generated/${f}`);
    return [...missing, ...extra, ...stale];
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}
