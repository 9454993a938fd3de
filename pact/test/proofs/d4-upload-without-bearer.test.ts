import { PactV4 } from '@pact-foundation/pact';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import d4 from '../../../conformance/test/defects/D4-upload-without-bearer.ts';
import { uploadToMedia } from '@socialnet/reference';
import { CALLER, depsCalling } from '../support/consumer-deps.ts';
import { expectUpload, PHOTO } from '../support/media-upload.ts';

// Review defect 4 as a consumer-driven contract: the media service needs the caller's bearer, and the pact says so.
describe('the posts → media pact against the D4 fixture (post upload without the caller’s bearer)', () => {
  const scratch = () =>
    new PactV4({
      consumer: 'posts',
      provider: 'media',
      dir: mkdtempSync(path.join(os.tmpdir(), 'pact-d4-')),
      logLevel: 'error',
    });

  it('fails: the request reaches media without Authorization', async () => {
    const run = expectUpload(scratch(), 'posts').executeTest(async (server) => {
      // the mock server answers a request it does not match with a 500, which the client turns into a 502; Pact then
      // reports why the request did not match
      await expect(uploadToMedia(depsCalling('posts', server.url, d4.variant), CALLER, PHOTO, 'posts')).rejects.toThrow(
        /media-service answered 500/,
      );
    });
    await expect(run).rejects.toThrow(/Expected a header 'Authorization' but was missing/);
  });

  it('passes with the reference’s wiring (no false positive)', async () => {
    await expectUpload(scratch(), 'posts').executeTest(async (server) => {
      await uploadToMedia(depsCalling('posts', server.url), CALLER, PHOTO, 'posts');
    });
  });

  it('fails on chats → media only where D4 applies: the message upload still forwards the bearer', async () => {
    const chats = new PactV4({
      consumer: 'chats',
      provider: 'media',
      dir: mkdtempSync(path.join(os.tmpdir(), 'pact-d4-')),
      logLevel: 'error',
    });
    await expectUpload(chats, 'messages').executeTest(async (server) => {
      await uploadToMedia(depsCalling('chats', server.url, d4.variant), CALLER, PHOTO, 'messages');
    });
  });
});
