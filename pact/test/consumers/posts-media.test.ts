import { describe, expect, it } from 'vitest';
import { uploadToMedia } from '@socialnet/reference';
import { CALLER, depsCalling } from '../support/consumer-deps.ts';
import { expectUpload, PHOTO } from '../support/media-upload.ts';
import { consumerPact } from '../support/pact-files.ts';

// posts → media: POST /posts/upload hands the file to the media service as the caller (uploadPost → uploadToMedia).
describe('consumer posts, provider media', () => {
  const { pact, expectCommitted } = consumerPact('posts', 'media');

  it('uploads a post file with the caller’s bearer and reads key, type and url', async () => {
    await expectUpload(pact, 'posts').executeTest(async (server) => {
      const media = await uploadToMedia(depsCalling('posts', server.url), CALLER, PHOTO, 'posts');
      expect(media.url).toMatch(/^http/);
      expect(media.key.startsWith('posts/')).toBe(true);
    });
  });

  it('writes the committed pact', async () => {
    await expectCommitted();
  });
});
