import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import badRequestDeclared from '../functions/badRequestDeclared.ts';

/** Operations that take input document 400. */
export default {
  description: 'Operations with parameters or a request body document 400.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: '$.paths[*]',
  then: { function: badRequestDeclared },
} satisfies RuleDefinition;
