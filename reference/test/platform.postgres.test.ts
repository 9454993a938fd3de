import { afterAll, beforeAll, describe } from 'vitest';
import { withPostgres } from '../../scripts/testing/infra.ts';
import type { Platform } from '../src/index.ts';
import { chatsSuite } from './suites/chats.ts';
import { idempotencySuite } from './suites/idempotency.ts';
import { notificationsSuite } from './suites/notifications.ts';
import { postsMediaSuite } from './suites/posts-media.ts';
import { socialSuite } from './suites/social.ts';
import { startTestPlatform } from './support/targets.ts';

// The same suites on the real PostgreSQL, split mode: every service on its own port, calls over real HTTP.
withPostgres('reference on real PostgreSQL, split services, through the generated client', (adminUrl) => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startTestPlatform('postgres', adminUrl, { split: true });
  });
  afterAll(() => platform?.close());

  describe('chats and messages (D3)', () => chatsSuite(() => platform));
  describe('notifications (D2, D5)', () => notificationsSuite(() => platform));
  describe('posts and media (D4)', () => postsMediaSuite(() => platform));
  describe('users, feedback and feeds', () => socialSuite(() => platform));
  describe('idempotency', () => idempotencySuite(() => platform));
});
