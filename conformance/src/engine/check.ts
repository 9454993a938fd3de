import type { Spec } from '../spec/load.ts';
import type { Operation } from '../spec/types.ts';
import type { CheckContext } from './context.ts';

/** What a check needs from the run; without it the check is reported as skipped with the reason. */
export type Requirement = 'jwt-secret' | 'kafka';

export interface CheckDefinition<T = Operation> {
  /** `family.name`, equal to the file path under src/checks (stable forever). */
  id: string;
  title: string;
  /** The clause in specs/clauses.yaml this check enforces (the default for its findings). */
  clause: string;
  /** `family`, `defect:Dn` for the review defect it catches, `needs:*`. */
  tags: string[];
  /** The first line of every failure message (documented verbatim in docs/checks.md). */
  failure: string;
  requires?: Requirement[];
  /** The things to check, read from the spec (never hard-coded paths). */
  targets(spec: Spec): T[];
  label?(target: T): string;
  run(ctx: CheckContext, target: T): Promise<void>;
}

export type AnyCheck = CheckDefinition<any>;

const ID = /^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$/;
const TAG = /^([a-z]+|defect:[DX]\d+|needs:[a-z-]+)$/;

/** Validates a check's metadata when its module loads, so a malformed check fails at import, not at run time. */
export function defineCheck<T = Operation>(check: CheckDefinition<T>): CheckDefinition<T> {
  if (!ID.test(check.id)) throw new Error(`check id "${check.id}" must be family.kebab-name`);
  const family = check.id.split('.')[0]!;
  if (!check.tags.includes(family)) throw new Error(`check ${check.id} must be tagged with its family "${family}"`);
  for (const tag of check.tags) if (!TAG.test(tag)) throw new Error(`check ${check.id}: bad tag "${tag}"`);
  if (!/^SN-[A-Z0-9-]+$/.test(check.clause))
    throw new Error(`check ${check.id}: clause "${check.clause}" is not a clause id`);
  if (!check.title || !check.failure) throw new Error(`check ${check.id} needs a title and a failure text`);
  return check;
}

export function familyOf(id: string): string {
  return id.split('.')[0]!;
}

export function defectsOf(check: AnyCheck): string[] {
  return check.tags.filter((t) => t.startsWith('defect:')).map((t) => t.slice('defect:'.length));
}

export function operationLabel(op: Operation): string {
  return `${op.method.toUpperCase()} ${op.gatewayPath} (${op.operationId})`;
}
