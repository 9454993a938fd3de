import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import clauseKnown from '../functions/clauseKnown.ts';
import { OPERATIONS } from '../lib/operations.ts';
import { CLAUSES_FILE } from '../lib/paths.ts';

/** Clause ids cited by x-authz exist in specs/clauses.yaml (conformance findings cite the same ids). */
export default {
  description: 'x-authz clause ids exist in specs/clauses.yaml.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: `${OPERATIONS}.x-authz[*].clause`,
  then: { function: clauseKnown, functionOptions: { clausesFile: CLAUSES_FILE } },
} satisfies RuleDefinition;
