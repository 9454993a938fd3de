import { describe, expect, it } from 'vitest';
import { headerProblems } from '../../src/checks/events/dlq-headers.ts';
import { consumerTargets } from '../../src/checks/events/consumer-spec.ts';
import type { SeenRecord } from '../../src/engine/kafka.ts';
import { loadSpec } from '../../src/spec/load.ts';

const spec = await loadSpec();
const target = consumerTargets(spec).find((t) => t.topic === 'messages.created')!;
const poison = {
  key: '42',
  value: Buffer.from([0xff, 0x7b]),
  headers: { ce_id: '0b1c1a9e-5f2d-4c1e-9a1b-2f6d3c4e5a6b', ce_type: target.ceType },
};
const at = { partition: 3, offset: '17' };
const good: Record<string, string> = {
  ...poison.headers,
  'dlq-original-topic': 'messages.created',
  'dlq-original-partition': '3',
  'dlq-original-offset': '17',
  'dlq-original-timestamp': '1764032400123',
  'dlq-consumer-group': 'notification-service',
  'dlq-error-class': 'PoisonRecordError',
  'dlq-error-message': 'value is not UTF-8 JSON',
  'dlq-attempts': '1',
  'dlq-failed-at': '2026-11-25T01:00:00.456Z',
  'dlq-reason': 'undecodable',
};
const dead = (headers: Record<string, string>, key: string | null = '42'): SeenRecord => ({
  topic: target.dlqTopic!,
  partition: 3,
  offset: '0',
  key,
  value: poison.value,
  headers,
});

describe('dead-letter headers (profile socialnet-dlq-v1, read from specs/asyncapi/components/dlq.yaml)', () => {
  it('reads the receive operations with x-consumer and x-effect and their DLQ profile from the AsyncAPI documents', () => {
    expect(consumerTargets(spec).map((t) => [t.topic, t.group, t.dlqTopic])).toEqual([
      ['messages.created', 'notification-service', 'notification-service.messages.created.dlq'],
      ['posts.created', 'feed-service', 'feed-service.posts.created.dlq'],
    ]);
    expect(Object.keys(target.dlqHeaders)).toHaveLength(10);
  });

  it('accepts a record with every header of the profile, the original coordinates and the original headers', () => {
    expect(headerProblems(target, dead(good), poison, at)).toEqual([]);
  });

  it('names each problem: lost key, changed original header, missing header, wrong coordinates, binary (Spring-style) encodings, unknown reason', () => {
    const { 'dlq-error-class': _class, ...withoutClass } = good;
    const bad = {
      ...withoutClass,
      ce_id: 'other',
      'dlq-reason': 'poison',
      'dlq-original-partition': '\u0000\u0000\u0000\u0003',
      'dlq-original-offset': '18',
      'dlq-failed-at': '1764032400456',
    };
    expect(headerProblems(target, dead(bad, null), poison, at)).toEqual([
      'key null instead of "42"',
      'original header ce_id changed to "other"',
      'dlq-original-partition "\\u0000\\u0000\\u0000\\u0003" is not decimal-int32',
      'dlq-original-offset "18" instead of "17"',
      'no dlq-error-class header',
      'dlq-failed-at "1764032400456" is not rfc3339-utc',
      'dlq-reason "poison" is not one of envelope-invalid, undecodable, schema-invalid, non-retryable, retries-exhausted',
    ]);
  });
});
