import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/run.ts';
import { expectAllPass } from './harness/expect-run.ts';

describe('the suite against the reference split into services (per-service URLs, no gateway)', () => {
  it(
    'passes every check, including the operations served only on the services’ own ports',
    { timeout: 300_000 },
    async () => {
      const result = await runConformance({ split: true, concurrency: 8 });
      expect(result.target.baseUrl).toBeUndefined();
      expect(Object.keys(result.target.services).sort()).toEqual([
        'chats',
        'feed',
        'feedback',
        'media',
        'notifications',
        'posts',
        'users',
      ]);
      expectAllPass(result);
      const tested = new Set(result.checks.flatMap((c) => c.targets.map((t) => t.operationId)));
      expect(tested.has('notificationsWhoami')).toBe(true);
    },
  );
});
