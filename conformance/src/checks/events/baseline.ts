import type { CheckContext } from '../../engine/context.ts';
import { Blocked } from '../../engine/context.ts';
import type { HttpResponse } from '../../engine/http.ts';
import type { ConsumerTarget } from './consumer-spec.ts';
import { countEffect, effectReaders } from './effect-read.ts';
import { produceInOrder } from './kafka-io.ts';
import { createScenario, envelope, newPayload } from './synthetic-event.ts';

type Baseline =
  | { kind: 'effect' }
  | { kind: 'no-effect'; text: string; response?: HttpResponse }
  | { kind: 'blocked'; reason: string };

/**
 * Before duplicates or dead letters are judged, one good event must produce its observable effect. Computed once
 * per consumer and run, so when the consumer has no effect at all every event check reports the same finding
 * ("the consumer has no observable effect") instead of each telling its own story (a blocked partition...).
 */
export async function requireGoodEventEffect(ctx: CheckContext, t: ConsumerTarget): Promise<void> {
  const baseline = await ctx.once(`events.baseline ${t.topic} ${t.group}`, () => observeGoodEvent(ctx, t));
  if (baseline.kind === 'blocked') ctx.block(baseline.reason);
  if (baseline.kind === 'no-effect') {
    ctx.fail({
      severity: 'deviation',
      clause: 'SN-EVENTS-CONSUMER-IDEMPOTENT',
      expected: baseline.text,
      received: 'the consumer has no observable effect: nothing else about it can be judged',
      response: baseline.response,
    });
    ctx.block('the consumer has no observable effect');
  }
}

async function observeGoodEvent(ctx: CheckContext, t: ConsumerTarget): Promise<Baseline> {
  try {
    const scenario = await createScenario(ctx, t);
    const good = newPayload(ctx, t, scenario);
    await produceInOrder(ctx.options.kafkaBrokers!, t.topic, [envelope(t, good)]);
    for (const reader of effectReaders(t, scenario)) {
      let last: HttpResponse | undefined;
      const seen = await ctx.poll(async () => {
        const effect = await countEffect(ctx, t, good, reader);
        last = effect.response;
        return effect.count > 0 ? true : undefined;
      });
      if (!seen) {
        return {
          kind: 'no-effect',
          text: `the effect of one valid event on ${t.topic} (consumer ${t.group}) at ${t.effect.read.operationId} ${t.effect.expect.items} within ${ctx.options.eventDeadlineMs} ms`,
          response: last,
        };
      }
    }
    return { kind: 'effect' };
  } catch (error) {
    if (error instanceof Blocked) return { kind: 'blocked', reason: error.message };
    throw error;
  }
}
