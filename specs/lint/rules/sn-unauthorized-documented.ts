import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import unauthorizedDeclared from '../functions/unauthorizedDeclared.ts';
import { OPERATIONS } from '../lib/operations.ts';

/** Secured operations document 401 with WWW-Authenticate (RFC 6750 §3). */
export default {
  description: 'Secured operations document 401 with the WWW-Authenticate header.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: OPERATIONS,
  then: { function: unauthorizedDeclared },
} satisfies RuleDefinition;
