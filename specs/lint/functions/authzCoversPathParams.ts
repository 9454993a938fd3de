// SN-AUTHZ: a secured operation addressing a resource by id in its path names that path parameter in an x-authz rule,
// so no resource id reaches a handler without a stated authorization rule (the review's missing-membership defects).
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { authzRules, isObject, isSecured, operationsOf, pathTemplateNames, type Json } from '../lib/operations.ts';

/** Path parameter names named by an x-authz `resource` ({in, name} or an object of them, as message-in-chat uses). */
function namedPathParams(resource: unknown): string[] {
  if (!isObject(resource)) return [];
  if (resource.in === 'path' && typeof resource.name === 'string') return [resource.name];
  return Object.values(resource).flatMap((r: Json) => namedPathParams(r));
}

export default createRulesetFunction<Record<string, unknown>, null>(
  { input: { type: 'object' }, options: null },
  function authzCoversPathParams(pathItem, _opts, { path }) {
    const pathKey = String(path[path.length - 1]);
    const results: IFunctionResult[] = [];
    for (const { method, operation } of operationsOf(pathKey, pathItem)) {
      const rules = authzRules(operation);
      if (!isSecured(operation) || rules.length === 0) continue; // authz-declared reports a missing x-authz
      const covered = new Set(rules.flatMap((r) => namedPathParams(r.resource)));
      for (const name of pathTemplateNames(pathKey).filter((n) => !covered.has(n))) {
        results.push({
          message: `Path parameter \`${name}\` is not the resource of any \`x-authz\` rule: name it (\`resource: {in: path, name: ${name}}\`), with \`authenticated\` if any user may use it.`,
          path: [...path, method, 'x-authz'],
        });
      }
    }
    return results;
  },
);
