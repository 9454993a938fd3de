import type { media } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { checkPrefix, contentUrl, mediaKey, signUrl } from '../keys.ts';

/** The key is always the caller's (the original let a client choose any key and overwrite anyone's object). */
export const presignMedia: Handler<media.operations['presignMedia']> = async (ctx) => {
  const { prefix = '', file_name, content_type = 'application/octet-stream', expiry_seconds = 900 } = ctx.body;
  checkPrefix(prefix, '/body/prefix');
  const key = mediaKey(caller(ctx).userId, file_name, prefix);
  const expires = Math.floor(Date.now() / 1000) + expiry_seconds;
  const url = contentUrl(
    ctx.deps.publicApiUrl(),
    key,
    expires,
    signUrl(ctx.deps.mediaSigningKey, 'PUT', key, expires, content_type),
  );
  return {
    status: 200,
    body: { key, url, ttl: expiry_seconds, method: 'PUT', required_headers: { 'Content-Type': content_type } },
  };
};
