import { defineDefect } from './fixture.ts';

/**
 * Review item 1 (consumer half): the original's consumers kept no record of applied events, so every delivery of an
 * event applied its effect again; a record they could not decode was logged and skipped, its offset committed, and
 * no dead-letter topic existed. The HTTP platform is the reference's; `variant.eventSide` makes its consumers behave
 * as the original's did. The producer half (no outbox) is covered by events.emitted.
 */
export default defineDefect({
  id: 'D1',
  slug: 'consumer-no-idempotency-no-dlq',
  reproduces: 'review item 1: consumers without dedup (a redelivered event had two effects) and without a DLQ (poison records silently dropped)',
  variant: { eventSide: { noInbox: true, dropPoison: true } },
});
