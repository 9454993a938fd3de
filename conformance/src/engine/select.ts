import type { AnyCheck } from './check.ts';
import { UsageError } from './usage.ts';

/**
 * `--only` and `--skip` take check ids, families (`authz`) or tags (`defect:D3`). A check runs when it matches some
 * --only entry (or there is none) and no --skip entry. Unknown names are an error, so a typo never selects nothing.
 */
export function selectChecks(checks: AnyCheck[], only: string[] = [], skip: string[] = []): AnyCheck[] {
  const known = new Set(checks.flatMap((c) => [c.id, ...c.tags]));
  for (const name of [...only, ...skip]) {
    if (!known.has(name))
      throw new UsageError(`--only/--skip: "${name}" is not a check id or tag (see \`conformance list\`)`);
  }
  const matches = (c: AnyCheck, names: string[]) => names.some((n) => n === c.id || c.tags.includes(n));
  return checks.filter((c) => (only.length === 0 || matches(c, only)) && !matches(c, skip));
}
