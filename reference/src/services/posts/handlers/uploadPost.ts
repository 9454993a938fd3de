import type { posts } from '@socialnet/generated/server-types/index.ts';
import { caller } from '../../../shared/http/handler-types.ts';
import { ProblemError } from '../../../shared/problem/problem.ts';
import type { Handler } from '../../../platform/service-module.ts';
import { uploadToMedia } from '../../media/client.ts';
import { storePost } from './store-post.ts';

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 120;

/** `tags` is one comma-separated field, as in the original; items are trimmed and empty ones skipped. */
function parseTags(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const tags = raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > MAX_TAGS || tags.some((t) => t.length > MAX_TAG_LENGTH)) {
    throw new ProblemError('validation-failed', `at most ${MAX_TAGS} tags of at most ${MAX_TAG_LENGTH} characters`, {
      errors: [{ pointer: '/multipart/tags', message: 'too many or too long tags' }],
    });
  }
  return tags;
}

/**
 * Fields are validated before anything is uploaded; the file then goes to the media service AS THE CALLER
 * (their bearer forwarded: defect D4 was the original sending none), and the post is stored only if that worked.
 */
export const uploadPost: Handler<posts.operations['uploadPost']> = async (ctx) => {
  const principal = caller(ctx);
  const { description, tags } = ctx.body;
  const parsedTags = parseTags(tags);
  const file = ctx.files.find((f) => f.fieldname === 'file')!;
  const media = await uploadToMedia(ctx.deps, principal, file, 'posts');
  return storePost(ctx, principal.userId, description.trim(), media.url, parsedTags);
};
