import type { CheckContext } from '../../engine/context.ts';
import type { HttpResponse } from '../../engine/http.ts';
import type { User } from '../../engine/identities.ts';
import type { ConsumerTarget } from './consumer-spec.ts';
import { payloadValue } from './consumer-spec.ts';
import type { Scenario } from './synthetic-event.ts';

export interface EffectCount {
  reader: User;
  count: number;
  response: HttpResponse;
}

/** Who reads the effect: each user of `caller.each`, or the actor when any caller may. */
export function effectReaders(t: ConsumerTarget, s: Scenario): User[] {
  return t.effect.read.caller === 'any' ? [s.actor] : s.readers;
}

/**
 * Calls the x-effect read as `reader` and counts the items matching `expect.where` (values are literals or
 * `$message.payload#/…` expressions). Blocks the target when the read itself fails.
 */
export async function countEffect(
  ctx: CheckContext,
  t: ConsumerTarget,
  payload: Record<string, unknown>,
  reader: User,
): Promise<EffectCount> {
  const op = ctx.spec.operation(t.effect.read.operationId);
  if (!op) ctx.block(`x-effect reads ${t.effect.read.operationId}, which no OpenAPI document defines`);
  const path = Object.fromEntries(Object.entries(t.effect.read.params ?? {}).map(([k, v]) => [k, resolve(payload, v)]));
  const response = await ctx.send(op, { path, query: {}, headers: {} }, { as: reader });
  if (response.status !== 200) ctx.block(`the effect read ${t.effect.read.operationId} answered ${response.status}`);
  const items = at(response.json, t.effect.expect.items);
  const list = Array.isArray(items) ? items : [];
  const count = list.filter((item) =>
    Object.entries(t.effect.expect.where).every(
      ([pointer, v]) => String(at(item, pointer)) === String(resolve(payload, v)),
    ),
  ).length;
  return { reader, count, response };
}

function resolve(payload: Record<string, unknown>, value: string): unknown {
  return typeof value === 'string' && value.startsWith('$message.payload#') ? payloadValue(payload, value) : value;
}

function at(node: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<any>((n, part) => n?.[part], node);
}
