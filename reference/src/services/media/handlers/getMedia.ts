import type { media } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { contentUrl, signUrl } from '../keys.ts';
import { objectsRepo } from '../repositories/objects.ts';

/** A redirect to a freshly signed content URL, so stored links never go stale. */
export const getMedia: Handler<media.operations['getMedia']> = async (ctx) => {
  const key = ctx.params.key;
  if (!(await objectsRepo.get(ctx.db, key))) throw new ProblemError('not-found', 'no such media key');
  const ttl = ctx.query.ttl;
  const expires = Math.floor(Date.now() / 1000) + ttl;
  return {
    status: 307,
    headers: {
      Location: contentUrl(
        ctx.deps.publicApiUrl(),
        key,
        expires,
        signUrl(ctx.deps.mediaSigningKey, 'GET', key, expires),
      ),
    },
  };
};
