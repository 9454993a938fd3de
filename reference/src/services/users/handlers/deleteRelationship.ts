import type { users } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { graphRepo } from '../repositories/graph.ts';

/** A DELETE with a JSON body, as the original; the query parameters are the fallback (the body wins). No type: all types. */
export const deleteRelationship: Handler<users.operations['deleteRelationship']> = async (ctx) => {
  const related = ctx.body?.related_id ?? ctx.query.related_id;
  const type = ctx.body?.type ?? ctx.query.type;
  if (related === undefined) {
    throw new ProblemError('validation-failed', 'related_id is required (in the body or the query)', {
      errors: [{ pointer: '/body/related_id', message: 'required' }],
    });
  }
  await graphRepo.unrelate(ctx.db, caller(ctx).userId, related, type);
  return { status: 200, body: { status: 'ok' } };
};
