import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import authzDeclared from '../functions/authzDeclared.ts';
import { OPERATIONS } from '../lib/operations.ts';

/** Clause SN-AUTHZ-*: every secured operation says who may call it. */
export default {
  description: 'Every secured operation has a non-empty x-authz list.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: OPERATIONS,
  then: { function: authzDeclared },
} satisfies RuleDefinition;
