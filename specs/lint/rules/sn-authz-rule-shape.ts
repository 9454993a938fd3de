import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import { schema } from '@stoplight/spectral-functions';
import { AUTHZ_RULE_NAMES } from '../../model/index.ts';
import { OPERATIONS } from '../lib/operations.ts';

const location = {
  type: 'object',
  required: ['in'],
  properties: { in: { enum: ['path', 'query', 'body', 'multipart', 'token'] }, name: { type: 'string', minLength: 1 } },
};

/** Each x-authz entry names a registry rule, a deny status, a clause and why; resources say where the id comes from. */
export default {
  description: 'x-authz entries follow the shape and rule registry of docs/spec-conventions.md.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: `${OPERATIONS}.x-authz`,
  then: {
    function: schema,
    functionOptions: {
      schema: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['rule', 'clause'],
          properties: {
            rule: { enum: [...AUTHZ_RULE_NAMES] },
            resource: {
              oneOf: [
                location,
                { type: 'object', minProperties: 1, additionalProperties: location, not: { required: ['in'] } },
              ],
            },
            kind: { enum: ['comment', 'media', 'notification', 'post', 'chat', 'message'] },
            deny: { enum: [403, 404] },
            clause: { type: 'string', pattern: '^SN-[A-Z]+-[A-Z0-9-]+$' },
            why: { type: 'string', minLength: 1 },
          },
          if: { properties: { rule: { const: 'authenticated' } } },
          else: { required: ['rule', 'deny', 'clause', 'why'] },
        },
      },
    },
  },
} satisfies RuleDefinition;
