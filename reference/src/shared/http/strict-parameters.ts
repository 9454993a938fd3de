import type { ErrorObject } from 'ajv';
import type { OpenAPIBackend } from 'openapi-backend';
import type { OpenAPIV3 } from 'openapi-types';
import { pathParams } from './path-params.ts';

type Router = OpenAPIBackend['router'];
type Operation = ReturnType<Router['getOperations']>[number];
type RawRequest = Parameters<OpenAPIBackend['validator']['validateRequest']>[0];

interface IntegerParameter {
  in: 'query' | 'path' | 'header';
  name: string;
  syntax: RegExp;
}

const DIGITS = /^[0-9]+$/;
const SIGNED_DIGITS = /^-?[0-9]+$/;

/** Parameters typed `integer` (or arrays of them), with the text the schema allows: digits, a `-` only when negatives are. */
function integerParameters(operation: Operation): IntegerParameter[] {
  return (operation.parameters ?? []).flatMap((p) => {
    const param = p as OpenAPIV3.ParameterObject;
    let schema = param.schema as OpenAPIV3.SchemaObject | undefined;
    if (schema?.type === 'array') schema = schema.items as OpenAPIV3.SchemaObject | undefined;
    if (schema?.type !== 'integer' || !['query', 'path', 'header'].includes(param.in)) return [];
    const negativesAllowed = schema.minimum === undefined || schema.minimum < 0;
    const name = param.in === 'header' ? param.name.toLowerCase() : param.name;
    return [{ in: param.in as IntegerParameter['in'], name, syntax: negativesAllowed ? SIGNED_DIGITS : DIGITS }];
  });
}

const issue = (where: string, name: string, message: string): ErrorObject => ({
  instancePath: `/${where}/${name}`,
  schemaPath: `#/parameters/${where}/${name}`,
  keyword: 'format',
  params: {},
  message,
});

/**
 * Parameters are text; the schema says what text an integer is. ajv's type coercion takes whatever `Number()` takes
 * (`0x10` → 16, `0b11` → 3, `1e1` and ` 10` → 10, `true` → 1), so it would accept what the contract does not. This adds
 * to openapi-backend's validation, for each operation, the errors ajv cannot give: an integer parameter that is not
 * plain decimal digits, and a path segment whose percent-encoding is malformed (`path-params.ts`). They come with
 * ajv's own errors (same pointers: `/query/limit`, `/path/chat_id`) and at the same step: after authentication, so a
 * request without a token is still 401 first.
 */
export function installStrictParameters(api: OpenAPIBackend): void {
  const validator = api.validator;
  const original = validator.validateRequest.bind(validator);
  const integers = new Map(api.router.getOperations().map((op) => [op, integerParameters(op)] as const));

  validator.validateRequest = ((req: RawRequest, operation?: Operation | string) => {
    const result = original(req, operation);
    const op = typeof operation === 'object' ? operation : undefined;
    if (!op) return result;
    const path = api.router.normalizePath(api.router.normalizeRequest(req).path);
    const parsed = pathParams(op.path, path);
    const malformed = (parsed?.malformed ?? []).map((name) =>
      issue('path', name, 'malformed percent-encoding (not UTF-8)'),
    );
    const syntax: ErrorObject[] = [];
    for (const p of integers.get(op) ?? []) {
      const source =
        p.in === 'query'
          ? (req.query as Record<string, unknown> | undefined)
          : p.in === 'path'
            ? parsed?.params
            : (req.headers as Record<string, unknown> | undefined);
      const value = source?.[p.name];
      if (value === undefined || (p.in === 'path' && parsed?.malformed.includes(p.name))) continue;
      const texts = Array.isArray(value) ? value : [value];
      if (texts.some((t) => typeof t !== 'string' || !p.syntax.test(t))) {
        syntax.push(
          issue(
            p.in,
            p.name,
            p.syntax === DIGITS ? 'must be decimal digits (0-9)' : 'must be decimal digits (0-9), optionally after -',
          ),
        );
      }
    }
    if (malformed.length === 0 && syntax.length === 0) return result;
    // a malformed segment's own error replaces what ajv said about its raw text; a syntax error adds to ajv's only
    const replaced = new Set(malformed.map((m) => m.instancePath));
    const kept = (result.errors ?? []).filter((e) => !replaced.has(e.instancePath));
    const added = syntax.filter((s) => !kept.some((e) => e.instancePath === s.instancePath));
    const errors = [...kept, ...malformed, ...added];
    return errors.length === 0 ? result : { ...result, valid: false, errors };
  }) as typeof validator.validateRequest;
}
