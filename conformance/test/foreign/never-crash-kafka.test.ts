import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withKafka } from '../../../scripts/testing/infra.ts';
import { readFromBeginning } from '../../src/engine/kafka.ts';

// Behaviour 2: a topic the event checks read does not exist (a dead-letter topic the target never created). The
// read fails with its cause, and no timer rejects later with nobody listening (that once ended the process before
// any report was written).
withKafka('reading a topic that does not exist', (brokers) => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => void unhandled.push(reason);
  beforeEach(() => void process.on('unhandledRejection', record));
  afterEach(() => void process.off('unhandledRejection', record));

  it('rejects with the cause and leaves no rejection unhandled', { timeout: 120_000 }, async () => {
    const topic = `conformance-missing-${randomBytes(6).toString('hex')}.dlq`;
    const deadlineMs = 2_000;
    await expect(readFromBeginning(brokers.split(','), topic, deadlineMs)).rejects.toThrow();
    // Past the join deadline, when the old timer fired: nothing may surface.
    await sleep(deadlineMs + 1_000);
    expect(unhandled).toEqual([]);
  });
});
