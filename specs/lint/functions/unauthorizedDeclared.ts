// SN-AUTHN: a secured operation documents 401, with the RFC 6750 `WWW-Authenticate` header.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isObject, isSecured, responsesOf, type JsonObject } from '../lib/operations.ts';

export default createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function unauthorizedDeclared(operation, _opts, { path }) {
    if (!isSecured(operation)) return [];
    const response = responsesOf(operation)['401'];
    if (response === undefined) {
      return [{ message: 'Secured operation documents no 401 response.', path: [...path, 'responses'] }];
    }
    const headers = isObject(response) && isObject(response.headers) ? Object.keys(response.headers) : [];
    if (!headers.some((h) => h.toLowerCase() === 'www-authenticate')) {
      return [
        {
          message: 'The 401 response lacks the `WWW-Authenticate` header (RFC 6750 §3).',
          path: [...path, 'responses', '401'],
        },
      ];
    }
    return [];
  },
);
