import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import idempotencyConsistent from '../functions/idempotencyConsistent.ts';

/** An operation with x-idempotency takes the Idempotency-Key header and documents 409 and 422. */
export default {
  description: 'Idempotent operations take the key header and document 409 and 422.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: '$.paths[*]',
  then: { function: idempotencyConsistent },
} satisfies RuleDefinition;
