// Spectral's tester pattern: run exactly one of our rules on a document and compare the complete result list.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { RuleDefinition } from '@stoplight/spectral-core';
import { createSpectral, lintSource } from '../../lint.ts';
import { rules, type RuleId } from '../../ruleset.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Where the linted fixture pretends to live: `$ref`s resolve from specs/lint/__tests__/. */
export const FIXTURE_SOURCE = resolve(here, '../fixture.yaml');
export const FIXTURE_CLAUSES = resolve(here, '../fixtures/clauses.yaml');
/** The real shared Problem, as a fixture references it. */
export const PROBLEM_REF = '../../openapi/components/problem.yaml#/Problem';

export interface Finding {
  code: string;
  path: string;
  message: string;
}

/** Lints `doc` with only `ruleId` on; `functionOptions` replaces the rule's options (e.g. a fixture clause registry). */
export async function lintWithRule(
  ruleId: RuleId,
  doc: unknown,
  functionOptions?: Record<string, unknown>,
): Promise<Finding[]> {
  const rule = rules[ruleId] as RuleDefinition;
  const then = Array.isArray(rule.then) ? rule.then : [rule.then];
  const only = functionOptions ? { ...rule, then: then.map((t) => ({ ...t, functionOptions })) } : rule;
  const spectral = createSpectral({ rules: { [ruleId]: only } });
  const results = await lintSource(spectral, typeof doc === 'string' ? doc : stringify(doc), FIXTURE_SOURCE);
  return results.map((r) => ({ code: String(r.code), path: r.path.join('.'), message: r.message }));
}
