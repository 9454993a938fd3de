import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import operationSecurityDeclared from '../functions/operationSecurityDeclared.ts';
import { OPERATIONS } from '../lib/operations.ts';

/** Clause SN-AUTHN-*: secured with bearerAuth, or public with `security: []` and a reasoned `x-public`. */
export default {
  description: 'Every operation is secured with bearerAuth or marked public with x-public and a reason.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: OPERATIONS,
  then: { function: operationSecurityDeclared, functionOptions: { scheme: 'bearerAuth' } },
} satisfies RuleDefinition;
