import { randomUUID } from 'node:crypto';
import { defineCheck } from '../../engine/check.ts';
import { requireGoodEventEffect } from './baseline.ts';
import { consumerTargets, type ConsumerTarget } from './consumer-spec.ts';
import { countEffect, effectReaders } from './effect-read.ts';
import type { CheckContext } from '../../engine/context.ts';
import { partitionFinder, produceInOrder } from './kafka-io.ts';
import { attachReproduction, kcatProduce } from './reproduce.ts';
import { createScenario, envelope, newPayload, type Scenario } from './synthetic-event.ts';

/**
 * For each receive operation with x-consumer and x-effect: one valid event produced twice with the same ce_id, then
 * a distinct sentinel event with the same key (so the same partition, after the duplicates). Once the sentinel's
 * effect is visible both copies have been consumed, and the duplicated event must show exactly x-effect.expect.count
 * effects per reader — no sleeps, no settle timers.
 */
export default defineCheck<ConsumerTarget>({
  id: 'events.consumer-idempotency',
  title: 'A duplicated event (same ce_id, delivered twice) has exactly one observable effect',
  clause: 'SN-EVENTS-CONSUMER-IDEMPOTENT',
  tags: ['events', 'defect:D1', 'needs:events'],
  requires: ['kafka'],
  failure: 'A duplicated event had more than one effect: the consumer does not deduplicate by its idempotency key',
  targets: (spec) => consumerTargets(spec),
  label: (t) => `${t.topic} → ${t.group} (${t.operationId})`,
  async run(ctx, t) {
    const brokers = ctx.options.kafkaBrokers!;
    await requireGoodEventEffect(ctx, t);
    const scenario = await createScenario(ctx, t);
    const duplicated = newPayload(ctx, t, scenario);
    const record = envelope(t, duplicated, randomUUID());
    const sentinel = await sentinelFor(ctx, t, scenario, record.key);
    const [first, second] = await produceInOrder(brokers, t.topic, [record, record, envelope(t, sentinel)]);

    const readers = effectReaders(t, scenario);
    for (const reader of readers) {
      const settled = await ctx.poll(async () =>
        (await countEffect(ctx, t, sentinel, reader)).count > 0 ? true : undefined,
      );
      if (!settled)
        ctx.block(
          `the sentinel event's effect did not appear for ${reader.label} within ${ctx.options.eventDeadlineMs} ms, so the duplicates cannot be judged`,
        );
      const { count, response } = await countEffect(ctx, t, duplicated, reader);
      const expected = t.effect.expect.count;
      if (count !== expected) {
        ctx.fail({
          severity: 'deviation',
          expected: `${expected} matching item(s) at ${t.effect.expect.items} of ${t.effect.read.operationId} after one event was delivered twice with ${t.idempotencyHeader} ${record.headers[t.idempotencyHeader]} on ${t.topic} (key ${record.key})`,
          received: `${count} matching item(s)`,
          response,
          clause: 'SN-EVENTS-CONSUMER-IDEMPOTENT',
        });
        attachReproduction(
          ctx,
          t,
          [kcatProduce(brokers, t.topic, record, first!), kcatProduce(brokers, t.topic, record, second!)],
          record,
          response,
        );
      }
    }
  },
});

/**
 * A second, distinct event whose key the default partitioner puts on the duplicates' partition, so it is consumed
 * after them: the same key when the key is a resource (chat), else a fresh aggregate id that hashes alike (post).
 */
async function sentinelFor(
  ctx: CheckContext,
  t: ConsumerTarget,
  scenario: Scenario,
  key: string,
): Promise<Record<string, unknown>> {
  const partitionOf = await partitionFinder(ctx.options.kafkaBrokers!, t.topic);
  const wanted = partitionOf(key);
  for (let i = 0; i < 1000; i++) {
    const candidate = newPayload(ctx, t, scenario);
    if (partitionOf(envelope(t, candidate).key) === wanted) return candidate;
  }
  return ctx.block(`no sentinel key found on partition ${wanted} of ${t.topic}`);
}
