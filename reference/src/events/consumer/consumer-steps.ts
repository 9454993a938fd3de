import type { KafkaMessage } from 'kafkajs';
import type { Queryable } from '../../shared/db/queryable.ts';
import type { DecodedEvent } from '../envelope.ts';
import type { DlqReason } from './errors.ts';
import type { FailedRecord } from './failure-headers.ts';

/** One decoded, valid record of a batch. */
export interface ReceivedEvent {
  record: FailedRecord & KafkaMessage;
  event: DecodedEvent;
}

/** One record that could not be applied: poison (with its DLQ reason), or a failed apply. */
export interface FailedDelivery {
  record: FailedRecord & KafkaMessage;
  error: unknown;
  reason: DlqReason | 'transient';
}

/**
 * The replaceable steps of a consumer's record processing (see process-records.ts for the order). The reference's
 * steps keep the contract; a variant may wrap or replace them (`PlatformVariant.consumers`) to build a defect fixture
 * or a mutant from outside the reference.
 */
export interface ConsumerSteps {
  /**
   * The inbox: inside `tx` (the transaction that then applies the effects), records the events as applied by `group`
   * and returns the ones to apply, i.e. without those applied before and without a second copy in the same batch.
   */
  dedup(tx: Queryable, group: string, events: ReceivedEvent[]): Promise<ReceivedEvent[]>;
  /**
   * Failure routing: transient failures to their retry topic, the rest (and exhausted retries) to the dead-letter topic.
   * Resolves once every copy is acknowledged, so the caller may commit past the records.
   */
  routeFailures(failures: FailedDelivery[]): Promise<void>;
}

/** Which consumer a set of steps serves, named as the AsyncAPI documents name it (no namespace prefix). */
export interface ConsumerName {
  group: string;
  topic: string;
}

/** Given a consumer and the reference's steps, the steps it runs instead. */
export type ConsumerStepsWrapper = (consumer: ConsumerName, steps: ConsumerSteps) => ConsumerSteps;
