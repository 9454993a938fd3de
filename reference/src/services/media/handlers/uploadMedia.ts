import type { media } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { checkPrefix, mediaKey } from '../keys.ts';
import { objectsRepo } from '../repositories/objects.ts';

/** Always authenticated: the key, and so the ownership, comes from the caller's token. */
export const uploadMedia: Handler<media.operations['uploadMedia']> = async (ctx) => {
  const userId = caller(ctx).userId;
  const file = ctx.files.find((f) => f.fieldname === 'file')!;
  const contentType = file.mimetype || 'application/octet-stream';
  const prefix = ctx.body?.prefix ?? '';
  checkPrefix(prefix, '/multipart/prefix');
  let key = mediaKey(userId, file.originalname, prefix);
  return ctx.inTransaction(async (tx) => {
    if (!(await objectsRepo.insert(tx, { key, owner_id: userId, content_type: contentType, size: file.size }))) {
      key = mediaKey(userId, file.originalname, prefix, true);
      await objectsRepo.insert(tx, { key, owner_id: userId, content_type: contentType, size: file.size });
    }
    await ctx.deps.storage.put(key, file.buffer);
    const url = `${ctx.deps.publicApiUrl()}/media/${encodeURIComponent(key)}`;
    return {
      status: 201,
      body: { key, contentType, url, required_headers: { 'Content-Type': contentType } },
      headers: { Location: url },
    };
  });
};
