import type { ConsumerDefects } from '../../../reference/src/events/index.ts';
import { defineDefect, type DefectFixture } from './fixture.ts';

/** A defect of the event side: the HTTP platform is the reference's, its consumers behave as the original's did. */
export interface EventSideDefect extends DefectFixture {
  /** Passed to the reference's startEventSide as `defects`. */
  eventSide: ConsumerDefects;
}

/**
 * Review item 1 (consumer half): the original's consumers kept no record of applied events, so every delivery of an
 * event applied its effect again; a record they could not decode was logged and skipped, its offset committed, and
 * no dead-letter topic existed. The producer half (no outbox) is covered by events.emitted.
 */
const original: ConsumerDefects = { noInbox: true, dropPoison: true };

const D1: EventSideDefect = {
  ...defineDefect({
    id: 'D1',
    slug: 'consumer-no-idempotency-no-dlq',
    reproduces: 'review item 1: consumers without dedup (a redelivered event had two effects) and without a DLQ (poison records silently dropped)',
    variant: { eventSide: original },
  }),
  eventSide: original,
};

export default D1;
