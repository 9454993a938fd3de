// SN-AUTHN: an operation is secured with bearerAuth, or public with `security: []` and `x-public: {reason}`. Nothing else.
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject, isSecured, type JsonObject } from '../lib/operations.ts';

export default createRulesetFunction<JsonObject, { scheme: string }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { scheme: { type: 'string' } },
      required: ['scheme'],
      additionalProperties: false,
    },
  },
  function operationSecurityDeclared(operation, { scheme }, { path }) {
    const results: IFunctionResult[] = [];
    const publicMarker = operation['x-public'];
    if (operation.security === undefined) {
      results.push({
        message: `Operation declares neither \`security\` nor \`x-public\`: add \`security: [{${scheme}: []}]\`, or \`security: []\` with \`x-public: {reason: ...}\`.`,
        path,
      });
      return results;
    }
    if (!Array.isArray(operation.security)) return results; // the oas schema rule reports the wrong type
    if (isSecured(operation)) {
      const others = operation.security
        .flatMap((req) => (isObject(req) ? Object.keys(req) : []))
        .filter((k) => k !== scheme);
      if (others.length > 0) {
        results.push({
          message: `Only the \`${scheme}\` scheme is allowed, found ${others.map((o) => `\`${o}\``).join(', ')}.`,
          path: [...path, 'security'],
        });
      }
      if (publicMarker !== undefined) {
        results.push({ message: 'A secured operation must not carry `x-public`.', path: [...path, 'x-public'] });
      }
      return results;
    }
    if (!isObject(publicMarker) || typeof publicMarker.reason !== 'string' || publicMarker.reason.trim() === '') {
      results.push({
        message: 'Public operation (`security: []`) lacks `x-public: {reason: ...}` saying why it needs no token.',
        path: publicMarker === undefined ? [...path, 'security'] : [...path, 'x-public'],
      });
    }
    return results;
  },
);
