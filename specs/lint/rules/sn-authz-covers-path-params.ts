import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import authzCoversPathParams from '../functions/authzCoversPathParams.ts';

/** A resource id in the path of a secured operation is the resource of some x-authz rule. */
export default {
  description: 'Each path parameter of a secured operation is named by an x-authz rule resource.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: '$.paths[*]',
  then: { function: authzCoversPathParams },
} satisfies RuleDefinition;
