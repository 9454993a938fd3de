import { afterAll, beforeAll, describe } from 'vitest';
import type { Platform } from '../src/index.ts';
import { chatsSuite } from './suites/chats.ts';
import { idempotencySuite } from './suites/idempotency.ts';
import { notificationsSuite } from './suites/notifications.ts';
import { postsMediaSuite } from './suites/posts-media.ts';
import { socialSuite } from './suites/social.ts';
import { startTestPlatform } from './support/targets.ts';

// One PGlite-backed platform for the whole file (PGlite takes ~2.5 s and ~0.75 GB to start).
let platform: Platform;
beforeAll(async () => {
  platform = await startTestPlatform('pglite');
});
afterAll(() => platform?.close());

describe('reference on PGlite, through the generated client', () => {
  describe('chats and messages (D3)', () => chatsSuite(() => platform));
  describe('notifications (D2, D5)', () => notificationsSuite(() => platform));
  describe('posts and media (D4)', () => postsMediaSuite(() => platform));
  describe('users, feedback and feeds', () => socialSuite(() => platform));
  describe('idempotency', () => idempotencySuite(() => platform));
});
