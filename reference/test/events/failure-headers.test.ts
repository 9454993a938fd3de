import { describe, expect, it } from 'vitest';
import {
  attemptsBefore,
  deadLetterHeaders,
  notBefore,
  originOf,
  retryHeaders,
} from '../../src/events/consumer/failure-headers.ts';
import { isTransient } from '../../src/events/consumer/errors.ts';

const main = {
  topic: 'messages.created',
  partition: 2,
  offset: '41',
  timestamp: '1764000000000',
  headers: { ce_id: 'id-1', custom: Buffer.from([1, 2]) },
};
const error = Object.assign(new Error('connection refused'), { name: 'DatabaseUnavailable' });
const now = Date.parse('2026-11-25T00:00:00.000Z');

describe('events > consumer > failure headers (socialnet-retry-v1, socialnet-dlq-v1)', () => {
  it('a first failure goes to retry level 1 with the original coordinates, keeping the original headers', () => {
    const h = retryHeaders(main, 'notification-service', error, 1, 1000, now);
    expect(h).toEqual({
      ce_id: 'id-1',
      custom: Buffer.from([1, 2]),
      'retry-attempt': '1',
      'retry-not-before': String(now + 1000),
      'retry-original-topic': 'messages.created',
      'retry-original-partition': '2',
      'retry-original-offset': '41',
      'retry-original-timestamp': '1764000000000',
      'retry-consumer-group': 'notification-service',
      'retry-error-class': 'DatabaseUnavailable',
      'retry-error-message': 'connection refused',
    });
  });

  it('a record read from a retry topic names the main topic as its origin, and replaces (not piles up) our headers', () => {
    const hop = {
      topic: 'notification-service.messages.created.retry.2',
      partition: 2,
      offset: '7',
      timestamp: '1764000099999',
      headers: retryHeaders(main, 'notification-service', error, 2, 5000, now),
    };
    expect(originOf(hop)).toEqual({
      topic: 'messages.created',
      partition: 2,
      offset: '41',
      timestamp: '1764000000000',
    });
    expect(attemptsBefore(hop)).toBe(2);
    expect(notBefore(hop)).toBe(now + 5000);
    const dead = deadLetterHeaders(hop, 'notification-service', error, 3, 'retries-exhausted', now);
    expect(Object.keys(dead).filter((k) => k.startsWith('retry-'))).toEqual([]);
    expect(dead).toMatchObject({
      'dlq-original-topic': 'messages.created',
      'dlq-original-offset': '41',
      'dlq-attempts': '3',
      'dlq-reason': 'retries-exhausted',
      'dlq-failed-at': '2026-11-25T00:00:00.000Z',
      ce_id: 'id-1',
    });
  });

  it('truncates error messages to 1024 characters', () => {
    const long = deadLetterHeaders(main, 'g', new Error('x'.repeat(5000)), 1, 'non-retryable', now);
    expect(String(long['dlq-error-message'])).toHaveLength(1024);
  });

  it.each([
    [{ code: '40001' }, true],
    [{ code: '08006' }, true],
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '23505' }, false],
    [{ code: '22P02' }, false],
    [new Error('unknown'), true],
  ])('classifies %j as transient=%s', (e, transient) => {
    expect(isTransient(e)).toBe(transient);
  });
});
