// The formatter's check, inside the test command: every hand-written TypeScript/JavaScript file is as Prettier
// (configured once in .prettierrc.json, scoped by .prettierignore) writes it. `npm run format` fixes what it lists.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PRETTIER = join(ROOT, 'node_modules/.bin/prettier');

/** `prettier --list-different .` in `cwd`: the files that differ from their formatted form, and its exit code. */
function listDifferent(cwd: string): Promise<{ code: number; files: string[]; stderr: string }> {
  return new Promise((done) => {
    execFile(PRETTIER, ['--list-different', '.'], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      done({ code, files: stdout.split('\n').filter(Boolean), stderr });
    });
  });
}

describe('formatting', () => {
  it(
    'every hand-written TypeScript and JavaScript file is formatted (npm run format)',
    { timeout: 300_000 },
    async () => {
      const { code, files, stderr } = await listDifferent(ROOT);
      expect(stderr).toBe('');
      expect(files).toEqual([]);
      expect(code).toBe(0);
    },
  );

  it('lists a file that is not formatted, and leaves generated code alone', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn-format-'));
    try {
      for (const f of ['.prettierrc.json', '.prettierignore']) cpSync(join(ROOT, f), join(dir, f));
      writeFileSync(join(dir, 'ugly.ts'), 'export const x = {a:1,b:"two"}\n');
      writeFileSync(join(dir, 'tidy.ts'), "export const x = { a: 1, b: 'two' };\n");
      mkdirSync(join(dir, 'generated'));
      writeFileSync(join(dir, 'generated/client.ts'), 'export const x = {a:1}\n');
      writeFileSync(join(dir, 'spec.yaml'), 'a:   1\n');
      const { code, files } = await listDifferent(dir);
      expect(files).toEqual(['ugly.ts']);
      expect(code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
