import { describe, expect, it } from 'vitest';
import { decodeEvent, envelopeHeaders } from '../../src/events/envelope.ts';
import { PoisonRecordError } from '../../src/events/consumer/errors.ts';

const headers = envelopeHeaders({
  id: '0B7F1C9E-5D2A-4C1B-9A8E-3F6D2E1C0A55',
  type: 'dev.socialnet.posts.created.v1',
  source: '/socialnet/post-service',
  time: '2026-11-24T10:00:00.000Z',
});
const value = Buffer.from(JSON.stringify({ id: 1 }));
const reasonOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof PoisonRecordError ? `${error.reason}: ${error.name}` : `unexpected ${String(error)}`;
  }
  return 'decoded';
};

describe('events > envelope (CloudEvents Kafka binding, binary mode)', () => {
  it('writes every required ce_* header and content-type as text', () => {
    expect(Object.keys(headers).sort()).toEqual([
      'ce_id',
      'ce_source',
      'ce_specversion',
      'ce_time',
      'ce_type',
      'content-type',
    ]);
    expect(headers.ce_specversion).toBe('1.0');
  });

  it('decodes a valid record from Buffer headers, lower-casing the event id', () => {
    const buffers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
    const event = decodeEvent({ headers: buffers, value, key: Buffer.from('1') }, 'dev.socialnet.posts.created.v1');
    expect(event).toEqual({
      envelope: expect.objectContaining({ id: '0b7f1c9e-5d2a-4c1b-9a8e-3f6d2e1c0a55' }),
      key: '1',
      payload: { id: 1 },
    });
  });

  it.each([
    ['no headers at all (the original platform)', {}, value, 'envelope-invalid: EnvelopeError'],
    ['a ce_id that is not a UUID', { ...headers, ce_id: '42' }, value, 'envelope-invalid: EnvelopeError'],
    [
      'a header that is not UTF-8',
      { ...headers, ce_source: Buffer.from([0xff, 0xfe]) },
      value,
      'envelope-invalid: EnvelopeError',
    ],
    [
      'another content type',
      { ...headers, 'content-type': 'application/avro' },
      value,
      'envelope-invalid: EnvelopeError',
    ],
    [
      'an unexpected ce_type',
      { ...headers, ce_type: 'dev.socialnet.messages.created.v1' },
      value,
      'envelope-invalid: EnvelopeError',
    ],
    ['a value that is not JSON', headers, Buffer.from('{nope'), 'undecodable: DecodeError'],
    ['a value that is not UTF-8', headers, Buffer.from([0xc3, 0x28]), 'undecodable: DecodeError'],
    ['no value (a tombstone)', headers, null, 'undecodable: DecodeError'],
    ['a JSON array', headers, Buffer.from('[1]'), 'schema-invalid: SchemaValidationError'],
  ])('refuses %s', (_, h, v, expected) => {
    expect(
      reasonOf(() =>
        decodeEvent({ headers: h, value: v as Buffer | null, key: null }, 'dev.socialnet.posts.created.v1'),
      ),
    ).toBe(expected);
  });
});
