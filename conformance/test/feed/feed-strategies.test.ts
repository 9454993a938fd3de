import { randomBytes } from 'node:crypto';
import { startPlatformWithEvents } from '@socialnet/reference';
import { afterAll, describe, expect, it } from 'vitest';
import { withKafka, withPostgres } from '../../../scripts/testing/infra.ts';
import { freshDatabase } from '../../../scripts/testing/scratch-database.ts';
import { startReference, type StartedReference } from '../../src/reference.ts';
import { explain } from '../harness/expect-run.ts';
import { runFeedChecks, statuses } from './feed-checks.ts';

// Every feed check against both strategies of the reference (FEED_STRATEGY, docs/decisions/0010-feed-design.md),
// on the embedded defaults (PGlite, embedded broker) and on real PostgreSQL + Kafka. FEED_STRATEGY is read on every
// use, so one strategy is set before each platform starts and the platforms run one after the other.
const STRATEGIES = ['pull', 'hybrid'] as const;
const saved = process.env.FEED_STRATEGY;
afterAll(() => {
  if (saved === undefined) delete process.env.FEED_STRATEGY;
  else process.env.FEED_STRATEGY = saved;
});

async function expectEveryFeedCheckPasses(ref: StartedReference) {
  const result = await runFeedChecks(ref);
  const all = statuses(result);
  expect(Object.keys(all)).toHaveLength(7);
  expect(
    Object.values(all).every((s) => s === 'pass'),
    explain(result),
  ).toBe(true);
}

describe('feed checks against both strategies, embedded defaults', () => {
  for (const strategy of STRATEGIES) {
    it(`FEED_STRATEGY=${strategy}`, async () => {
      process.env.FEED_STRATEGY = strategy;
      const ref = await startReference();
      try {
        await expectEveryFeedCheckPasses(ref);
      } finally {
        await ref.close();
      }
    }, 180_000);
  }
});

withPostgres('feed checks against both strategies, real PostgreSQL', (adminUrl) => {
  withKafka('and real Kafka', (brokers) => {
    for (const strategy of STRATEGIES) {
      it(`FEED_STRATEGY=${strategy}`, async () => {
        process.env.FEED_STRATEGY = strategy;
        const scratch = await freshDatabase(adminUrl, 'feedstrat');
        const jwtSecret = randomBytes(32).toString('base64url');
        const platform = await startPlatformWithEvents({
          jwtSecret,
          databaseUrl: scratch.url,
          kafkaBrokers: brokers,
          eventNamespace: `feed-${strategy}-${randomBytes(4).toString('hex')}`,
          logLevel: 'silent',
        });
        try {
          await platform.events.ready();
          await expectEveryFeedCheckPasses({
            target: { baseUrl: platform.baseUrl, services: {} },
            jwtSecret,
            kafkaBrokers: platform.kafkaBrokers,
            close: async () => undefined,
          });
        } finally {
          await platform.close();
          await scratch.drop();
        }
      }, 240_000);
    }
  });
});
