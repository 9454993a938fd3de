import type { Principal } from '../auth/principal.ts';
import { ProblemError } from '../problem/problem.ts';
import { slugForStatus } from '../problem/problem-types.ts';
import { AUTHZ_RULES } from './index.ts';
import type { AuthzLookups, AuthzRuleSpec, ResourceRef } from './types.ts';

export interface RequestParts {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Fails fast when a spec names a rule the registry lacks, or one whose lookups the service does not provide. */
export function checkAuthzSpec(operationId: string, rules: AuthzRuleSpec[], lookups: AuthzLookups): void {
  for (const spec of rules) {
    const rule = AUTHZ_RULES[spec.rule];
    if (!rule) throw new Error(`${operationId}: x-authz rule "${spec.rule}" is not in the rule registry`);
    const missing = rule.needs.filter((need) => typeof lookups[need] !== 'function');
    if (missing.length > 0) throw new Error(`${operationId}: rule "${spec.rule}" needs lookups ${missing.join(', ')}`);
  }
}

function isRef(value: unknown): value is ResourceRef {
  return typeof value === 'object' && value !== null && typeof (value as ResourceRef).in === 'string';
}

function resolveRef(ref: ResourceRef, request: RequestParts, principal: Principal): unknown {
  if (ref.in === 'token') return principal.userId;
  const source = ref.in === 'path' ? request.params : ref.in === 'query' ? request.query : request.body;
  return source && typeof source === 'object' && ref.name ? (source as Record<string, unknown>)[ref.name] : undefined;
}

export function resolveResource(spec: AuthzRuleSpec, request: RequestParts, principal: Principal): unknown {
  if (!spec.resource) return undefined;
  if (isRef(spec.resource)) return resolveRef(spec.resource, request, principal);
  return Object.fromEntries(
    Object.entries(spec.resource).map(([part, ref]) => [part, resolveRef(ref, request, principal)]),
  );
}

/** Evaluates the operation's rules in order; the first that refuses decides the status (spec-conventions). */
export async function enforceAuthz(
  operationId: string,
  rules: AuthzRuleSpec[],
  request: RequestParts,
  principal: Principal,
  lookups: AuthzLookups,
): Promise<void> {
  for (const spec of rules) {
    const rule = AUTHZ_RULES[spec.rule]!;
    const resource = resolveResource(spec, request, principal);
    if (!(await rule.allows({ principal, resource, spec, lookups }))) {
      const status = spec.deny ?? rule.defaultDeny;
      const detail =
        status === 404
          ? 'the resource does not exist or is not visible to the caller'
          : `refused by rule ${spec.rule} (${operationId})`;
      throw new ProblemError(slugForStatus(status), detail);
    }
  }
}
