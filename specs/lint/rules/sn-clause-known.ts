import type { RuleDefinition } from '@stoplight/spectral-core';
import { aas3, oas3 } from '@stoplight/spectral-formats';
import citedClausesKnown from '../functions/citedClausesKnown.ts';
import { CLAUSES_FILE } from '../lib/paths.ts';

/** Clause ids cited anywhere else in a document (`clause:`, `info.x-clauses`) exist in specs/clauses.yaml. */
export default {
  description: 'Clause ids cited outside x-authz exist in specs/clauses.yaml.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3, aas3],
  given: '$',
  resolved: false,
  then: { function: citedClausesKnown, functionOptions: { clausesFile: CLAUSES_FILE } },
} satisfies RuleDefinition;
