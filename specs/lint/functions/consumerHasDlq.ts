// SN-EVENTS-DLQ: every consumed channel (a `receive` operation) ends in a dead-letter topic. The receive operation on a
// contract topic declares `x-consumer.dlq` (the AsyncAPI documents' extension); a receive operation on one of that
// consumer's retry topics (listed in its `x-consumer.retry.channels`) is covered by the same DLQ. The DLQ must be a
// channel of the document that some `send` operation publishes to.
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { asyncOperationsOf } from '../../model/index.ts';
import { isObject, type JsonObject } from '../lib/operations.ts';

export default createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function consumerHasDlq(doc) {
    const operations = isObject(doc.operations) ? doc.operations : {};
    const channels = isObject(doc.channels) ? doc.channels : {};
    const ops = asyncOperationsOf({
      ...doc,
      operations: Object.fromEntries(Object.entries(operations).filter(([, op]) => isObject(op))),
    });
    const sentTo = new Set(ops.filter((op) => op.action === 'send').map((op) => op.channelId));
    const consumerOf = (op: (typeof ops)[number]): JsonObject | undefined =>
      isObject(op.consumer) ? op.consumer : undefined;
    const coveredRetryChannels = new Set<string>();
    for (const op of ops) {
      const consumer = consumerOf(op);
      if (!consumer || !isObject(consumer.dlq) || !isObject(consumer.retry)) continue;
      const retry = consumer.retry.channels;
      if (Array.isArray(retry)) retry.forEach((c) => coveredRetryChannels.add(String(c)));
    }
    const results: IFunctionResult[] = [];
    for (const op of ops) {
      const name = op.id;
      if (op.action !== 'receive') continue;
      const channel = op.channelId ?? '?';
      const consumer = consumerOf(op);
      const dlq = consumer && isObject(consumer.dlq) ? consumer.dlq : undefined;
      if (!dlq) {
        if (coveredRetryChannels.has(channel)) continue;
        results.push({
          message: `Consumed channel \`${channel}\` (operation \`${name}\`) has no dead-letter topic: declare \`x-consumer.dlq\` with its channel.`,
          path: ['operations', name],
        });
        continue;
      }
      const dlqChannel = typeof dlq.channel === 'string' ? dlq.channel : undefined;
      if (!dlqChannel || !(dlqChannel in channels)) {
        results.push({
          message: `x-consumer.dlq.channel \`${String(dlq.channel)}\` is not a channel of this document.`,
          path: ['operations', name, 'x-consumer', 'dlq', 'channel'],
        });
      } else if (!sentTo.has(dlqChannel)) {
        results.push({
          message: `No \`send\` operation publishes to the dead-letter channel \`${dlqChannel}\`.`,
          path: ['operations', name, 'x-consumer', 'dlq', 'channel'],
        });
      }
    }
    return results;
  },
);
