import type { media } from '@socialnet/generated/server-types/index.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { objectsRepo } from '../repositories/objects.ts';

/** `owner` (kind media) ran first: another user's key and a missing key are both 404. */
export const deleteMedia: Handler<media.operations['deleteMedia']> = async (ctx) => {
  const key = ctx.params.key;
  await objectsRepo.delete(ctx.db, key);
  await ctx.deps.storage.delete(key);
  return { status: 204 };
};
