import type { RuleDefinition } from '@stoplight/spectral-core';
import { aas3 } from '@stoplight/spectral-formats';
import consumerHasDlq from '../functions/consumerHasDlq.ts';

/** Clause SN-EVENTS-DLQ: a consumed topic has a dead-letter topic that the consumer publishes to. */
export default {
  description: 'Every receive operation ends in a dead-letter channel (x-consumer.dlq).',
  message: '{{error}}',
  severity: 'error',
  formats: [aas3],
  given: '$',
  resolved: false,
  then: { function: consumerHasDlq },
} satisfies RuleDefinition;
