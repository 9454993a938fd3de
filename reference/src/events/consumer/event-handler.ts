import type { Queryable } from '../../shared/db/queryable.ts';
import type { DecodedEvent } from '../envelope.ts';

/**
 * The effect of one consumer group: applied inside the transaction that also records the events in the inbox, so
 * the effect and the inbox rows commit together or not at all. Called only with events new to the group.
 * Throw to fail: a transient error (see errors.ts `isTransient`) sends the event to the retry chain, any other to
 * the DLQ as `non-retryable`.
 */
export interface EventHandler {
  apply(tx: Queryable, events: DecodedEvent[]): Promise<void>;
}
