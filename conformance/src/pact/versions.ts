import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';
import { REPO_ROOT } from '../spec/load.ts';

/**
 * A version for the can-i-deploy matrix from git: the short commit that last changed `path` (a pact file: the
 * consumer version that wrote it), or HEAD; with uncommitted changes to it, `<commit>+dirty`.
 */
export function gitVersion(path?: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const scope = path ? ['--', relative(REPO_ROOT, path)] : [];
    const commit = git('log', '-1', '--format=%h', ...scope) || 'uncommitted';
    const dirty = git('status', '--porcelain', ...scope) !== '';
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}
