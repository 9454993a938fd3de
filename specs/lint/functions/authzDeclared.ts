// SN-AUTHZ: every secured operation states who may call it (`x-authz`, a non-empty list of rules).
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isSecured, type JsonObject } from '../lib/operations.ts';

export default createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function authzDeclared(operation, _opts, { path }) {
    if (!isSecured(operation)) return [];
    const authz = operation['x-authz'];
    if (Array.isArray(authz) && authz.length > 0) return [];
    return [
      {
        message:
          'Secured operation has no `x-authz` rule: say who may call it (e.g. `authenticated`, `self`, `chat-member`).',
        path: authz === undefined ? path : [...path, 'x-authz'],
      },
    ];
  },
);
