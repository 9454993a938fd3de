import { sample } from '../spec/sample.ts';
import type { Operation } from '../spec/types.ts';
import type { CheckContext } from './context.ts';
import type { User } from './identities.ts';
import type { FilledRequest } from './recipes.ts';
import { USER_ID } from './recipes.data.ts';

/**
 * A request for authentication checks: the user's real resources when they can be created, otherwise sample
 * values from the schemas (authentication is decided before the resource is looked up).
 */
export async function fillOrSample(
  ctx: CheckContext,
  op: Operation,
  user: User,
  shared = false,
): Promise<FilledRequest> {
  try {
    return (await (shared ? ctx.sharedResolver(user) : ctx.resolver(user)).fill(op))!;
  } catch (error) {
    const out: FilledRequest = {
      path: {},
      query: {},
      headers: {},
      sampled: (error as Error).message ?? 'the resources could not be created',
    };
    for (const p of op.parameters) {
      if (p.in === 'path') out.path[p.name] = USER_ID.test(p.name) ? user.id : sample(p.schema, p.name);
      else if (p.in === 'query' && p.required) out.query[p.name] = sample(p.schema, p.name);
    }
    const schema = op.requestBody?.content['application/json']?.schema;
    if (schema) out.body = sample(schema, 'body', { text: (n) => `conformance ${n}` });
    return out;
  }
}
