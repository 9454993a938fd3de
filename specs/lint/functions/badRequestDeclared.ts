// An operation that takes input (a request body or any parameter) documents 400 for input that fails validation.
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { hasResponse, operationsOf } from '../lib/operations.ts';

export default createRulesetFunction<Record<string, unknown>, null>(
  { input: { type: 'object' }, options: null },
  function badRequestDeclared(pathItem, _opts, { path }) {
    const pathKey = String(path[path.length - 1]);
    const results: IFunctionResult[] = [];
    for (const { method, operation, parameters } of operationsOf(pathKey, pathItem)) {
      const takesInput = operation.requestBody !== undefined || parameters.length > 0;
      if (takesInput && !hasResponse(operation, 400)) {
        results.push({
          message: 'Operation takes input (parameters or a body) but documents no 400 response.',
          path: [...path, method, 'responses'],
        });
      }
    }
    return results;
  },
);
