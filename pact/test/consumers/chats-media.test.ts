import { describe, expect, it } from 'vitest';
import { uploadToMedia } from '@socialnet/reference';
import { CALLER, depsCalling } from '../support/consumer-deps.ts';
import { expectUpload, PHOTO } from '../support/media-upload.ts';
import { consumerPact } from '../support/pact-files.ts';

// chats → media: POST /messages/upload hands the file to the media service as the caller (sendMessageWithUpload → uploadToMedia).
describe('consumer chats, provider media', () => {
  const { pact, expectCommitted } = consumerPact('chats', 'media');

  it('uploads a message file with the caller’s bearer and reads key, type and url', async () => {
    await expectUpload(pact, 'messages').executeTest(async (server) => {
      const media = await uploadToMedia(depsCalling('chats', server.url), CALLER, PHOTO, 'messages');
      expect(media.url).toMatch(/^http/);
      expect(media.key.startsWith('messages/')).toBe(true);
    });
  });

  it('writes the committed pact', async () => {
    await expectCommitted();
  });
});
