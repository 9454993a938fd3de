import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import authzDenyDocumented from '../functions/authzDenyDocumented.ts';
import { OPERATIONS } from '../lib/operations.ts';

/** The status an x-authz rule denies with (403 or 404) is a documented response. */
export default {
  description: 'Operations document the deny status of each x-authz rule.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: OPERATIONS,
  then: { function: authzDenyDocumented },
} satisfies RuleDefinition;
