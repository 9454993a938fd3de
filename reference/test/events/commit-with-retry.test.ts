import { describe, expect, it } from 'vitest';
import { commitWithRetry, isGroupError } from '../../src/events/consumer/commit-with-retry.ts';

const failing = (errors: unknown[]) => {
  let calls = 0;
  return {
    commit: async () => {
      calls += 1;
      const e = errors.shift();
      if (e) throw e;
    },
    calls: () => calls,
  };
};

describe('events > consumer > commit with retry (SN-EVENTS-COMMIT-AFTER-EFFECT)', () => {
  it('retries a failed commit until it succeeds', async () => {
    const c = failing([{ type: 'COORDINATOR_NOT_AVAILABLE' }, { type: 'REQUEST_TIMED_OUT' }]);
    const seen: unknown[] = [];
    await expect(
      commitWithRetry(c.commit, { stillOwned: () => true, onFailure: (e) => seen.push(e), initialDelayMs: 1 }),
    ).resolves.toBe(true);
    expect([c.calls(), seen.length]).toEqual([3, 2]);
  });

  it('rethrows a group error (rebalance) so kafkajs rejoins, also when wrapped', async () => {
    const wrapped = { name: 'KafkaJSNumberOfRetriesExceeded', originalError: { type: 'REBALANCE_IN_PROGRESS' } };
    expect(isGroupError(wrapped)).toBe(true);
    await expect(
      commitWithRetry(failing([wrapped]).commit, { stillOwned: () => true, onFailure: () => undefined }),
    ).rejects.toBe(wrapped);
  });

  it('gives up once the partition is no longer owned (the next owner re-reads; the inbox dedups)', async () => {
    const c = failing([{ type: 'COORDINATOR_NOT_AVAILABLE' }, { type: 'COORDINATOR_NOT_AVAILABLE' }]);
    await expect(
      commitWithRetry(c.commit, { stillOwned: () => false, onFailure: () => undefined, initialDelayMs: 1 }),
    ).resolves.toBe(false);
    expect(c.calls()).toBe(1);
  });
});
