import { defineCheck } from '../../engine/check.ts';
import type { SeenRecord } from '../../engine/kafka.ts';
import { requireGoodEventEffect } from './baseline.ts';
import { headerProblems } from './dlq-headers.ts';
import { consumerTargets, type ConsumerTarget } from './consumer-spec.ts';
import { countEffect, effectReaders, type EffectCount } from './effect-read.ts';
import { readFromBeginning } from '../../engine/kafka.ts';
import { produceInOrder, type OutgoingRecord } from './kafka-io.ts';
import { attachReproduction, kcatConsume, kcatProduce } from './reproduce.ts';
import { createScenario, envelope, newPayload } from './synthetic-event.ts';

/**
 * A poison record (a value that is not JSON, in an otherwise valid envelope) followed by a valid event with the same
 * key: the valid event's effect appears (no head-of-line blocking), and the poison record is on the declared DLQ
 * topic with its original key and value byte for byte and the header profile's headers, read from the DLQ's
 * beginning with a fresh group.
 */
export default defineCheck<ConsumerTarget>({
  id: 'events.dlq',
  title:
    'A poison event reaches the dead-letter topic with its original bytes and the declared headers, and does not block the next event',
  clause: 'SN-EVENTS-DLQ',
  tags: ['events', 'defect:D1', 'needs:events'],
  requires: ['kafka'],
  failure: 'A poison event was not dead-lettered as the spec says (or it blocked the events after it)',
  targets: (spec) => consumerTargets(spec).filter((t) => t.dlqTopic),
  label: (t) => `${t.topic} → ${t.dlqTopic} (${t.operationId})`,
  async run(ctx, t) {
    const brokers = ctx.options.kafkaBrokers!;
    await requireGoodEventEffect(ctx, t);
    const scenario = await createScenario(ctx, t);
    const good = newPayload(ctx, t, scenario);
    const valid = envelope(t, good);
    const poison: OutgoingRecord = {
      ...envelope(t, newPayload(ctx, t, scenario)),
      key: valid.key,
      value: poisonBytes(ctx.canary('poison')),
    };
    poison.headers.ce_subject = valid.key;
    const [at, next] = await produceInOrder(brokers, t.topic, [poison, valid]);
    const reproduce = (read?: Parameters<typeof attachReproduction>[4]) =>
      attachReproduction(
        ctx,
        t,
        [
          kcatProduce(brokers, t.topic, poison, at!),
          kcatProduce(brokers, t.topic, valid, next!),
          kcatConsume(brokers, t.dlqTopic!),
        ],
        poison,
        read,
      );

    for (const reader of effectReaders(t, scenario)) {
      let last: EffectCount | undefined;
      const seen = await ctx.poll(async () =>
        (last = await countEffect(ctx, t, good, reader)).count > 0 ? true : undefined,
      );
      if (!seen) {
        ctx.fail({
          severity: 'deviation',
          expected: `the effect of a valid event produced after a poison record with the same key (${valid.key}) on ${t.topic} within ${ctx.options.eventDeadlineMs} ms`,
          received: 'no effect: the poison record blocks its partition, or the consumer stopped',
          response: last?.response,
        });
        return reproduce(last?.response);
      }
    }

    let dead: SeenRecord | undefined;
    let total = 0;
    try {
      const dlq = await readFromBeginning(brokers, t.dlqTopic!, ctx.options.eventDeadlineMs);
      try {
        dead = await ctx.poll(async () => dlq.records.find((r) => r.value?.equals(poison.value)));
        total = dlq.records.length;
      } finally {
        await dlq.close();
      }
    } catch (error) {
      ctx.fail({
        severity: 'deviation',
        expected: `the poison record on ${t.dlqTopic}`,
        received: `the dead-letter topic cannot be read: ${(error as Error).message}`,
      });
      return reproduce();
    }
    if (!dead) {
      ctx.fail({
        severity: 'deviation',
        expected: `the poison record (${t.topic} partition ${at!.partition} offset ${at!.offset}, key ${poison.key}) on ${t.dlqTopic} with its original value byte for byte within ${ctx.options.eventDeadlineMs} ms`,
        received: `not there (${total} other records on ${t.dlqTopic}): the poison record was dropped`,
      });
      return reproduce();
    }
    const problems = headerProblems(t, dead, poison, at!);
    if (problems.length) {
      ctx.fail({
        severity: 'deviation',
        expected: `the dead-letter record keeps key ${poison.key} and carries the headers of its profile (${Object.keys(t.dlqHeaders).join(', ')})`,
        received: problems.join('; '),
      });
      reproduce();
    }
  },
});

/** Not UTF-8 and not JSON, unique to this run. */
function poisonBytes(canary: string): Buffer {
  return Buffer.concat([
    Buffer.from(`{"conformance poison ${canary}" `, 'utf8'),
    Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
  ]);
}
