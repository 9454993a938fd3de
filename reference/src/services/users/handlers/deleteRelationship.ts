import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

/** A DELETE with a JSON body, as the original; the query parameters are the fallback (the body wins). No type: all types. */
export const deleteRelationship: Handler = async (ctx) => {
  const body = (ctx.body && typeof ctx.body === 'object' ? ctx.body : {}) as { related_id?: string; type?: number };
  const related = body.related_id ?? (ctx.query.related_id as string | undefined);
  const type = body.type ?? (ctx.query.type as number | undefined);
  if (related === undefined) {
    throw new ProblemError('validation-failed', 'related_id is required (in the body or the query)', { errors: [{ pointer: '/body/related_id', message: 'required' }] });
  }
  await graphRepo.unrelate(ctx.db, caller(ctx).userId, related, type);
  return { status: 200, body: { status: 'ok' } };
};
