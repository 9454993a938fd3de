import type { Spec } from '../spec/load.ts';
import type { JsonSchema, Operation, ResponseSpec } from '../spec/types.ts';
import { SchemaValidator } from '../spec/validator.ts';
import type { CheckContext } from './context.ts';
import type { HttpResponse } from './http.ts';

const validator = new SchemaValidator();

/** The documented response for a status: exact, then `4XX`-style ranges, then `default`. */
export function documented(op: Operation, status: number): ResponseSpec | undefined {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}

/** The problem+json schema the spec uses (components/problem.yaml#/Problem), from any error response. */
export function problemSchema(spec: Spec): JsonSchema | undefined {
  for (const op of spec.operations) {
    for (const r of Object.values(op.responses)) {
      const schema = r.content?.['application/problem+json']?.schema;
      if (schema) return schema;
    }
  }
  return undefined;
}

/** Checks an error response against RFC 9457 and the spec's Problem schema; records a deviation per problem. */
export function judgeProblem(ctx: CheckContext, res: HttpResponse, what: string): void {
  const type = res.headers['content-type'] ?? '';
  const problems: string[] = [];
  if (!/^application\/problem\+json\b/i.test(type)) problems.push(`Content-Type ${type || '(none)'}`);
  if (res.json === undefined) problems.push('a body that is not JSON');
  else {
    const schema = problemSchema(ctx.spec);
    if (schema) problems.push(...validator.errors(schema, res.json));
    if (res.json?.status !== res.status)
      problems.push(`status member ${JSON.stringify(res.json?.status)} for HTTP ${res.status}`);
  }
  if (problems.length > 0) {
    ctx.fail({
      severity: 'deviation',
      clause: 'SN-ERROR-SHAPE',
      expected: `application/problem+json (RFC 9457, components/problem.yaml#/Problem) for ${what}`,
      received: `${res.status} with ${problems.join('; ')}: ${res.text.slice(0, 160)}`,
      response: res,
    });
  }
}

/** Checks a response against the operation's documented statuses and schemas. */
export function judgeDocumented(ctx: CheckContext, op: Operation, res: HttpResponse): void {
  const spec = documented(op, res.status);
  if (!spec) {
    ctx.fail({
      severity: 'deviation',
      expected: `one of the documented statuses ${Object.keys(op.responses).join(', ')}`,
      received: `${res.status}: ${res.text.slice(0, 160)}`,
      response: res,
    });
    return;
  }
  const content = spec.content ?? {};
  const types = Object.keys(content);
  if (types.length === 0) return;
  const received = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const media = content[received];
  if (!media) {
    ctx.fail({
      severity: 'deviation',
      expected: `Content-Type ${types.join(' or ')} for ${res.status}`,
      received: `Content-Type ${received || '(none)'}`,
      response: res,
    });
    return;
  }
  if (media.schema && /json/.test(received)) {
    const errors = res.json === undefined ? ['the body is not JSON'] : validator.errors(media.schema, res.json);
    if (errors.length > 0) {
      ctx.fail({
        severity: 'deviation',
        expected: `a ${res.status} body that matches the schema`,
        received: errors.slice(0, 5).join('; '),
        response: res,
      });
    }
  }
}
