// The socialnet spec ruleset: Spectral's OpenAPI and AsyncAPI rules, the OWASP API Security rules that fit our
// conventions, and our own rules (one file each under rules/, named by their stable id; functions under functions/).
// docs/lint.md lists every rule with the clause it enforces; docs/spec-conventions.md is what they enforce.
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { asyncapi, oas } from '@stoplight/spectral-rulesets';
import owasp from '@stoplight/spectral-owasp-ruleset';
import authzClauseKnown from './rules/sn-authz-clause-known.ts';
import authzCoversPathParams from './rules/sn-authz-covers-path-params.ts';
import authzDeclared from './rules/sn-authz-declared.ts';
import authzDenyDocumented from './rules/sn-authz-deny-documented.ts';
import authzRuleShape from './rules/sn-authz-rule-shape.ts';
import badRequestDocumented from './rules/sn-bad-request-documented.ts';
import clauseKnown from './rules/sn-clause-known.ts';
import consumerDlq from './rules/sn-consumer-dlq.ts';
import errorProblemJson from './rules/sn-error-problem-json.ts';
import idempotencyConsistent from './rules/sn-idempotency-consistent.ts';
import idempotencyRequired from './rules/sn-idempotency-required.ts';
import idempotencyShape from './rules/sn-idempotency-shape.ts';
import operationSecurityDeclared from './rules/sn-operation-security-declared.ts';
import unauthorizedDocumented from './rules/sn-unauthorized-documented.ts';
import { OWASP_OVERRIDES } from './owasp-overrides.ts';

export const rules = {
  'sn-operation-security-declared': operationSecurityDeclared,
  'sn-authz-declared': authzDeclared,
  'sn-authz-covers-path-params': authzCoversPathParams,
  'sn-authz-rule-shape': authzRuleShape,
  'sn-authz-clause-known': authzClauseKnown,
  'sn-authz-deny-documented': authzDenyDocumented,
  'sn-clause-known': clauseKnown,
  'sn-unauthorized-documented': unauthorizedDocumented,
  'sn-bad-request-documented': badRequestDocumented,
  'sn-error-problem-json': errorProblemJson,
  'sn-idempotency-required': idempotencyRequired,
  'sn-idempotency-shape': idempotencyShape,
  'sn-idempotency-consistent': idempotencyConsistent,
  'sn-consumer-dlq': consumerDlq,
};

export type RuleId = keyof typeof rules;

/** Our rules alone (what the rule tests run, one at a time). */
export const ownRuleset: RulesetDefinition = { rules };

/** Everything `npm run lint:specs` applies. */
export const ruleset: RulesetDefinition = {
  extends: [
    [oas as RulesetDefinition, 'recommended'],
    [asyncapi as RulesetDefinition, 'recommended'],
    [owasp as unknown as RulesetDefinition, 'recommended'],
  ],
  rules: { ...OWASP_OVERRIDES, ...rules },
};

export default ruleset;
