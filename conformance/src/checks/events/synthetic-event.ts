import { randomInt, randomUUID } from 'node:crypto';
import type { CheckContext } from '../../engine/context.ts';
import type { User } from '../../engine/identities.ts';
import { creatorOf } from '../../engine/recipe-lookup.ts';
import type { Resolver } from '../../engine/recipes.ts';
import { USER_ID } from '../../engine/recipes.data.ts';
import { sample } from '../../spec/sample.ts';
import type { ConsumerTarget } from './consumer-spec.ts';
import { payloadValue } from './consumer-spec.ts';
import type { OutgoingRecord } from './kafka-io.ts';

/** The people and resources an event refers to, created through the spec's HTTP operations. */
export interface Scenario {
  /** The actor of the event (sender, author). */
  actor: User;
  /** Users named by the effect's `caller.each` list (recipients); empty when any caller may read the effect. */
  readers: User[];
  /** Ids of resources the payload refers to (`chat_id` → a chat of the actor with the readers as members). */
  resources: Record<string, unknown>;
}

/** Creates the preconditions: an actor, its readers, and every other resource the payload names by `<kind>_id`. */
export async function createScenario(ctx: CheckContext, t: ConsumerTarget): Promise<Scenario> {
  const actor = await ctx.freshUser('actor');
  const caller = t.effect.read.caller;
  const readers = caller === 'any' ? [] : [await ctx.freshUser('reader')];
  const resolver = ctx.resolver(actor);
  const resources: Record<string, unknown> = {};
  const aggregate = aggregateOf(t.topic);
  for (const [field, schema] of Object.entries<any>(t.payloadSchema.properties ?? {})) {
    const kind = /^([a-z]+)_id$/.exec(field)?.[1];
    if (!kind || kind === aggregate || USER_ID.test(field) || schema.type === 'array') continue;
    resources[field] = await createWithMembers(ctx, resolver, kind, readers);
  }
  return { actor, readers, resources };
}

/**
 * Creates a `kind` as the actor through the operation that creates it, listing the readers in the request's
 * member-list field when it has one (a chat with the sender and the recipient), so the event describes a state
 * the platform could really be in.
 */
async function createWithMembers(
  ctx: CheckContext,
  resolver: Resolver,
  kind: string,
  readers: User[],
): Promise<unknown> {
  const op = creatorOf(ctx.spec.operations, kind);
  if (!op || readers.length === 0) return resolver.resource(kind);
  const req = (await resolver.fill(op))!;
  const schema = op.requestBody?.content['application/json']?.schema;
  const list = Object.entries<any>(schema?.properties ?? {}).find(
    ([name, p]) => p.type === 'array' && /member|participant/.test(name),
  )?.[0];
  if (!list || !req.body || typeof req.body !== 'object') return resolver.resource(kind);
  (req.body as Record<string, unknown>)[list] = readers.map((u) => u.id);
  const res = await ctx.send(op, req, { as: resolver.user });
  const id = res.json?.id ?? res.json?.[`${kind}_id`];
  if (res.status < 200 || res.status >= 300 || id === undefined)
    ctx.block(`creating a ${kind} with members through ${op.operationId} got ${res.status}: ${res.text.slice(0, 160)}`);
  resolver.set(kind, id);
  return id;
}

/**
 * A new, valid event of the target's channel about the scenario: a fresh aggregate id (the event's own `id` or
 * `<aggregate>_id`, so no other event can have this effect), the actor's id, the readers as the `caller.each` list,
 * the scenario's resources, and a unique text. Values the spec gives no rule for come from the schema's example.
 */
export function newPayload(ctx: CheckContext, t: ConsumerTarget, s: Scenario): Record<string, unknown> {
  const schema = t.payloadSchema;
  const base = structuredClone(schema.examples?.[0] ?? sample(schema, 'payload') ?? {}) as Record<string, unknown>;
  const aggregate = aggregateOf(t.topic);
  const each =
    typeof t.effect.read.caller === 'object'
      ? t.effect.read.caller.each.replace(/^\$message\.payload#\//, '')
      : undefined;
  for (const [field, prop] of Object.entries<any>(schema.properties ?? {})) {
    if (field === each) base[field] = s.readers.map((u) => u.id);
    else if (field in s.resources) base[field] = s.resources[field];
    else if (field === 'id' || field === `${aggregate}_id`) base[field] = randomInt(1_000_000_000, 2_000_000_000);
    else if (USER_ID.test(field)) base[field] = s.actor.id;
    else if (prop.format === 'date-time') base[field] = new Date().toISOString();
    else if (prop.type === 'string' && base[field] !== '' && !/url/.test(field)) base[field] = ctx.canary(field);
  }
  return base;
}

/** The record of a payload in the CloudEvents Kafka binary envelope, keyed as the message's x-key says. */
export function envelope(
  t: ConsumerTarget,
  payload: Record<string, unknown>,
  eventId: string = randomUUID(),
): OutgoingRecord {
  const key = String(t.keyFrom ? payloadValue(payload, t.keyFrom) : '');
  return {
    key,
    value: Buffer.from(JSON.stringify(payload), 'utf8'),
    headers: {
      [t.idempotencyHeader]: eventId,
      ...(t.idempotencyHeader === 'ce_id' ? {} : { ce_id: eventId }),
      ce_source: t.ceSource,
      ce_type: t.ceType,
      ce_specversion: '1.0',
      ce_time: new Date().toISOString(),
      ce_subject: key,
      'content-type': 'application/json',
    },
  };
}

/** `posts.created` → `post`. */
function aggregateOf(topic: string): string {
  return topic.split('.')[0]!.replace(/s$/, '');
}
