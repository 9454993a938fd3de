import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import problemResponse from '../functions/problemResponse.ts';
import { OPERATIONS } from '../lib/operations.ts';
import { PROBLEM_FILE } from '../lib/paths.ts';

/** Clause SN-ERROR-SHAPE: every error response is RFC 9457 problem+json with the one Problem schema. */
export default {
  description: 'Error responses are application/problem+json with the Problem schema.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: OPERATIONS,
  then: { function: problemResponse, functionOptions: { problemFile: PROBLEM_FILE } },
} satisfies RuleDefinition;
