// The specs as they were at a git ref, extracted into a temporary directory (`git archive <ref> specs`), so both
// versions are plain files that oasdiff, the AsyncAPI parser and the locator read the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new GitError(`git ${args.join(' ')} failed in ${cwd}: ${stderr || (error as Error).message}`);
  }
}

/** The top directory of the git checkout that holds `dir`. */
export function repositoryRoot(dir: string): string {
  return git(dir, ['rev-parse', '--show-toplevel']).toString().trim();
}

/** The commit `ref` names, checked before anything is extracted (a clear error for a typo or a shallow clone). */
export function resolveCommit(root: string, ref: string): string {
  return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    .toString()
    .trim();
}

/** Extracts `specs/` at `ref` into a new temporary directory; `dispose` removes it. */
export function checkoutSpecs(root: string, ref: string): { dir: string; commit: string; dispose(): void } {
  let commit: string;
  try {
    commit = resolveCommit(root, ref);
  } catch {
    throw new GitError(
      `--base ${ref}: no such commit in ${root} (in CI, fetch the base branch, e.g. actions/checkout with fetch-depth: 0)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'sn-spec-review-base-'));
  try {
    const tar = git(root, ['archive', '--format=tar', commit, 'specs']);
    execFileSync('tar', ['-x', '-C', dir], { input: tar, maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error instanceof GitError
      ? error
      : new GitError(`could not extract specs/ at ${ref}: ${(error as Error).message}`);
  }
  return { dir, commit, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
