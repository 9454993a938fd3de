// SN-IDEMPOTENCY: the retryable unsafe operations (named by operationId in the rule's options) declare x-idempotency.
import { createRulesetFunction } from '@stoplight/spectral-core';
import type { JsonObject } from '../lib/operations.ts';

export default createRulesetFunction<JsonObject, { operationIds: string[] }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { operationIds: { type: 'array', items: { type: 'string' } } },
      required: ['operationIds'],
      additionalProperties: false,
    },
  },
  function idempotencyRequired(operation, { operationIds }, { path }) {
    if (typeof operation.operationId !== 'string' || !operationIds.includes(operation.operationId)) return [];
    if (operation['x-idempotency'] !== undefined) return [];
    return [
      {
        message: `\`${operation.operationId}\` is a retryable unsafe operation and must declare \`x-idempotency\` with the \`Idempotency-Key\` header.`,
        path,
      },
    ];
  },
);
