import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import { schema } from '@stoplight/spectral-functions';
import { OPERATIONS } from '../lib/operations.ts';

/** x-idempotency is exactly {header: Idempotency-Key, scope: caller, ttl: <ISO 8601 duration>, required: <bool>}. */
export default {
  description: 'x-idempotency follows docs/spec-conventions.md ("Idempotency").',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: `${OPERATIONS}.x-idempotency`,
  then: {
    function: schema,
    functionOptions: {
      schema: {
        type: 'object',
        required: ['header', 'scope', 'ttl', 'required'],
        additionalProperties: false,
        properties: {
          header: { const: 'Idempotency-Key' },
          scope: { const: 'caller' },
          ttl: { type: 'string', pattern: '^P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?$' },
          required: { type: 'boolean' },
        },
      },
    },
  },
} satisfies RuleDefinition;
