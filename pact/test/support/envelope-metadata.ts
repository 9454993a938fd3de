import { MatchersV3 } from '@pact-foundation/pact';

const { regex, uuid } = MatchersV3;

export const RFC3339_UTC = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';
export const USER_ID = '^[0-9]+-[0-9a-f]{1,16}$';
const AGGREGATE_KEY = '^[1-9][0-9]{0,18}$';

/**
 * What a consumer relies on besides the payload: the record key and the CloudEvents binary-mode headers
 * (specs/asyncapi/components/envelope.yaml). `ce_id` is any UUID (the consumer's idempotency key), the type and
 * source exactly the producer's.
 */
export function envelopeMetadata(ceType: string, ceSource: string, key: string) {
  return {
    key: regex(AGGREGATE_KEY, key),
    ce_id: uuid('0b7f1c9e-5d2a-4c1b-9a8e-3f6d2e1c0a55'),
    ce_source: ceSource,
    ce_type: ceType,
    ce_specversion: '1.0',
    ce_time: regex(RFC3339_UTC, '2026-12-07T07:00:00.000Z'),
    'content-type': 'application/json',
    ce_subject: regex(AGGREGATE_KEY, key),
  };
}
