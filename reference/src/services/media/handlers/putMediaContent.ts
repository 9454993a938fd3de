import type { media } from '@socialnet/generated/server-types/index.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { keyOwner, verifySignature } from '../keys.ts';
import { objectsRepo } from '../repositories/objects.ts';

/** A presigned PUT: the signature binds method, key, expiry and Content-Type; the key names its owner. */
export const putMediaContent: Handler<media.operations['putMediaContent']> = async (ctx) => {
  const key = ctx.params.key;
  const { expires, signature } = ctx.query;
  const contentType = String(ctx.headers['content-type'] ?? '');
  if (!verifySignature(ctx.deps.mediaSigningKey, 'PUT', key, expires, contentType, signature))
    throw new ProblemError('forbidden', 'the URL signature is wrong or expired');
  const bytes = ctx.rawBody ?? Buffer.alloc(0);
  await objectsRepo.upsert(ctx.db, {
    key,
    owner_id: keyOwner(key),
    content_type: contentType || 'application/octet-stream',
    size: bytes.length,
  });
  await ctx.deps.storage.put(key, bytes);
  return { status: 204 };
};
