import type { ConsumerStepsWrapper } from '@socialnet/reference';
import { defineDefect } from './fixture.ts';

/** The original's two consumer faults (review item 1), each on its own so a check can be shown to catch one alone. */
export interface OriginalConsumerFaults {
  /** No inbox: every delivery of an event applies its effect again (also a second copy in the same batch). */
  noInbox?: boolean;
  /** Poison records are skipped (their offset committed) instead of dead-lettered; failed applies still retry. */
  dropPoison?: boolean;
}

/** Wraps the reference's consumer steps (through `PlatformVariant.consumers`) so its consumers behave as the original's. */
export function originalConsumers(faults: OriginalConsumerFaults): ConsumerStepsWrapper {
  return (_consumer, steps) => ({
    dedup: faults.noInbox ? async (_tx, _group, events) => events : steps.dedup,
    routeFailures: faults.dropPoison
      ? (failures) =>
          steps.routeFailures(failures.filter((f) => f.reason === 'transient' || f.reason === 'non-retryable'))
      : steps.routeFailures,
  });
}

/**
 * Review item 1 (consumer half): the original's consumers kept no record of applied events, so every delivery of an
 * event applied its effect again; a record they could not decode was logged and skipped, its offset committed, and
 * no dead-letter topic existed. The HTTP platform is the reference's; `variant.consumers` wraps its consumers' steps
 * so they behave as the original's did. The producer half (no outbox) is covered by events.emitted.
 */
export default defineDefect({
  id: 'D1',
  slug: 'consumer-no-idempotency-no-dlq',
  reproduces:
    'review item 1: consumers without dedup (a redelivered event had two effects) and without a DLQ (poison records silently dropped)',
  variant: { consumers: originalConsumers({ noInbox: true, dropPoison: true }) },
});
