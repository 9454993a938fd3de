import { defineCheck } from '../../engine/check.ts';
import type { HttpResponse } from '../../engine/http.ts';
import type { FilledRequest } from '../../engine/recipes.ts';
import type { JsonSchema } from '../../spec/types.ts';

interface Mutation {
  what: string;
  request: FilledRequest;
  raw?: string;
}

/** Malformed, mistyped, oversized and out-of-range input gets a 4xx, never a 5xx and never a success. */
export default defineCheck({
  id: 'contract.invalid-requests',
  title: 'Invalid requests get 4xx, never 5xx or 2xx',
  clause: 'SN-LIMITS-INPUT',
  tags: ['contract', 'defect:X5'],
  failure: 'An invalid request was not refused with a 4xx',
  targets: (spec) =>
    spec.operations.filter((op) => op.secured && (op.requestBody || op.parameters.some((p) => p.in !== 'header'))),
  async run(ctx, op) {
    const owner = await ctx.user('owner');
    const valid = (await ctx.sharedResolver(owner).fill(op))!;
    for (const m of mutations(valid, op.requestBody?.content['application/json']?.schema, op.parameters)) {
      const res: HttpResponse = await ctx.send(op, m.request, { as: owner, raw: m.raw, refusalExpected: true });
      if (res.status < 400 || res.status >= 500) {
        ctx.fail({
          severity: 'deviation',
          expected: `a 4xx for ${m.what}`,
          received: `${res.status}: ${res.text.slice(0, 160)}`,
          response: res,
        });
      }
    }
  },
});

function mutations(
  valid: FilledRequest,
  body: JsonSchema | undefined,
  params: Array<{ name: string; in: string; schema?: JsonSchema }>,
): Mutation[] {
  const out: Mutation[] = [];
  const withBody = (b: unknown, what: string) => out.push({ what, request: { ...valid, body: b } });
  if (body && valid.body && typeof valid.body === 'object') {
    out.push({ what: 'malformed JSON', request: valid, raw: '{"unterminated' });
    withBody([], 'an array where an object is expected');
    if (body.required?.length) withBody({}, `a body without the required ${body.required.join(', ')}`);
    for (const [name, prop] of Object.entries<JsonSchema>(body.properties ?? {})) {
      if (!(name in (valid.body as object))) continue;
      withBody({ ...(valid.body as object), [name]: wrongType(prop) }, `${name} of the wrong type`);
      if (prop.type === 'string' && typeof prop.maxLength === 'number') {
        withBody(
          { ...(valid.body as object), [name]: 'x'.repeat(prop.maxLength + 1) },
          `${name} longer than maxLength ${prop.maxLength}`,
        );
      }
    }
  }
  for (const p of params) {
    const type = p.schema?.type;
    if (p.in === 'path' && (type === 'integer' || type === 'number')) {
      out.push({
        what: `${p.name} that is not a number`,
        request: { ...valid, path: { ...valid.path, [p.name]: 'not-a-number' } },
      });
      out.push({
        what: `${p.name} beyond int64`,
        request: { ...valid, path: { ...valid.path, [p.name]: '99999999999999999999999' } },
      });
    }
    if (p.in === 'query' && (type === 'integer' || type === 'number')) {
      if (p.schema?.maximum !== undefined)
        out.push({
          what: `${p.name} above its maximum ${p.schema.maximum}`,
          request: { ...valid, query: { ...valid.query, [p.name]: p.schema.maximum + 1 } },
        });
      if (p.schema?.minimum !== undefined)
        out.push({
          what: `${p.name} below its minimum ${p.schema.minimum}`,
          request: { ...valid, query: { ...valid.query, [p.name]: p.schema.minimum - 1 } },
        });
      out.push({
        what: `${p.name} that is not a number`,
        request: { ...valid, query: { ...valid.query, [p.name]: 'x' } },
      });
    }
  }
  return out;
}

function wrongType(schema: JsonSchema): unknown {
  switch (schema.type) {
    case 'string':
      return { not: 'a string' };
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'not a boolean';
    case 'array':
      return 'not an array';
    default:
      return 12345;
  }
}
