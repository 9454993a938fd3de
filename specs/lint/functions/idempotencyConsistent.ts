// SN-IDEMPOTENCY: an operation declaring x-idempotency takes the header it names (1–255 characters) and documents the
// statuses the semantics produce: 409 (the first request with that key is still in flight) and 422 (key reused with
// another body).
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { hasResponse, isObject, operationsOf } from '../lib/operations.ts';

export default createRulesetFunction<Record<string, unknown>, null>(
  { input: { type: 'object' }, options: null },
  function idempotencyConsistent(pathItem, _opts, { path }) {
    const pathKey = String(path[path.length - 1]);
    const results: IFunctionResult[] = [];
    for (const { method, operation, parameters } of operationsOf(pathKey, pathItem)) {
      const declared = operation['x-idempotency'];
      if (!isObject(declared)) continue;
      const at = [...path, method];
      const header = typeof declared.header === 'string' ? declared.header : 'Idempotency-Key';
      const param = parameters.find((p) => p.in === 'header' && String(p.name).toLowerCase() === header.toLowerCase());
      if (!param) {
        results.push({
          message: `x-idempotency names the \`${header}\` header, but the operation has no such header parameter.`,
          path: [...at, 'x-idempotency'],
        });
      } else {
        const schema = isObject(param.schema) ? param.schema : {};
        if (schema.minLength !== 1 || schema.maxLength !== 255) {
          results.push({
            message: `The \`${header}\` header must allow 1–255 characters (minLength 1, maxLength 255).`,
            path: [...at, 'parameters'],
          });
        }
      }
      for (const status of [409, 422]) {
        if (!hasResponse(operation, status)) {
          results.push({
            message: `Idempotent operation documents no ${status} response (${status === 409 ? 'duplicate in flight' : 'key reused with another body'}).`,
            path: [...at, 'responses'],
          });
        }
      }
    }
    return results;
  },
);
