import type { media } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { verifySignature } from '../keys.ts';
import { objectsRepo } from '../repositories/objects.ts';

export const getMediaContent: Handler<media.operations['getMediaContent']> = async (ctx) => {
  const key = ctx.params.key;
  const { expires, signature } = ctx.query;
  if (!verifySignature(ctx.deps.mediaSigningKey, 'GET', key, expires, '', signature))
    throw new ProblemError('forbidden', 'the URL signature is wrong or expired');
  const object = await objectsRepo.get(ctx.db, key);
  const stored = object ? await ctx.deps.storage.get(key) : undefined;
  if (!object || !stored) throw new ProblemError('not-found', 'no such media key');
  return { status: 200, raw: { contentType: object.content_type, data: stored.stream, length: stored.size } };
};
