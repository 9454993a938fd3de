// An x-authz rule's deny status (403 or 404) must be a documented response of the operation.
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { authzRules, hasResponse, type JsonObject } from '../lib/operations.ts';

export default createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function authzDenyDocumented(operation, _opts, { path }) {
    const results: IFunctionResult[] = [];
    const reported = new Set<number>();
    authzRules(operation).forEach((rule, i) => {
      if (typeof rule.deny !== 'number' || reported.has(rule.deny) || hasResponse(operation, rule.deny)) return;
      reported.add(rule.deny);
      results.push({
        message: `x-authz rule \`${String(rule.rule)}\` denies with ${rule.deny}, but the operation documents no ${rule.deny} response.`,
        path: [...path, 'x-authz', i, 'deny'],
      });
    });
    return results;
  },
);
