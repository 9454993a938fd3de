import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Spec } from '../../spec/load.ts';
import { lineOf, toPointer } from '../../spec/locate.ts';
import type { JsonSchema, SpecLocation } from '../../spec/types.ts';

/** An x-effect: the HTTP read that shows a consumed event's effect (docs/spec-conventions.md). */
export interface EffectSpec {
  read: { operationId: string; params?: Record<string, string>; caller: 'any' | { each: string } };
  expect: { items: string; where: Record<string, string>; count: number };
  absentFor?: string[];
}

/** One AsyncAPI receive operation with x-consumer and x-effect: what the consumer checks exercise. */
export interface ConsumerTarget {
  /** The AsyncAPI operation id, e.g. notificationServiceReceiveMessageCreated. */
  operationId: string;
  topic: string;
  group: string;
  idempotencyHeader: string;
  dlqTopic?: string;
  /** Header name → encoding, from components/dlq.yaml#/x-header-profiles/<profile>. */
  dlqHeaders: Record<string, string>;
  /** Header name → allowed values, from components/dlq.yaml#/schemas/DeadLetterHeaders. */
  dlqEnums: Record<string, string[]>;
  ceType: string;
  ceSource: string;
  /** `$message.payload#/field` the record key is read from. */
  keyFrom?: string;
  payloadSchema: JsonSchema;
  effect: EffectSpec;
  location: SpecLocation;
}

/** Reads the receive operations of every AsyncAPI document next to the OpenAPI folder (`specs/asyncapi`). */
export function consumerTargets(spec: Spec): ConsumerTarget[] {
  const dir = join(spec.root, 'specs/asyncapi');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
  const { profiles, enums } = readDlqComponents(dir);
  const out: ConsumerTarget[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const doc = parse(readFileSync(path, 'utf8'));
    for (const [id, op] of Object.entries<any>(doc?.operations ?? {})) {
      const consumer = op?.['x-consumer'];
      const effect = op?.['x-effect'];
      if (op?.action !== 'receive' || !consumer || !effect) continue;
      const channel = local(doc, op.channel?.$ref);
      const message = local(doc, local(doc, op.messages?.[0]?.$ref)?.$ref) ?? local(doc, op.messages?.[0]?.$ref);
      const pointer = toPointer(['operations', id]);
      out.push({
        operationId: id,
        topic: channel.address,
        group: consumer.group,
        idempotencyHeader: consumer.idempotencyKey?.name ?? 'ce_id',
        dlqTopic: consumer.dlq?.topic ?? local(doc, `#/channels/${consumer.dlq?.channel}`)?.address,
        dlqHeaders: profiles[consumer.dlq?.headersProfile] ?? {},
        dlqEnums: enums,
        ceType: message['x-ce-type'],
        ceSource: message['x-ce-source'],
        keyFrom: message['x-key']?.from,
        payloadSchema: local(doc, message.payload?.$ref) ?? message.payload,
        effect,
        location: { file: `specs/asyncapi/${file}`, pointer, line: lineOf(path, pointer) },
      });
    }
  }
  return out;
}

function readDlqComponents(dir: string): { profiles: Record<string, Record<string, string>>; enums: Record<string, string[]> } {
  const profiles: Record<string, Record<string, string>> = {};
  const enums: Record<string, string[]> = {};
  let doc: any;
  try {
    doc = parse(readFileSync(join(dir, 'components/dlq.yaml'), 'utf8'));
  } catch {
    return { profiles, enums };
  }
  for (const [name, profile] of Object.entries<any>(doc?.['x-header-profiles'] ?? {})) {
    profiles[name] = Object.fromEntries(Object.entries<any>(profile.headers ?? {}).map(([h, d]) => [h, String(d.encoding)]));
  }
  for (const [h, schema] of Object.entries<any>(doc?.schemas?.DeadLetterHeaders?.properties ?? {})) if (Array.isArray(schema.enum)) enums[h] = schema.enum.map(String);
  return { profiles, enums };
}

/** Follows a local `#/a/b` reference inside one document. */
function local(doc: any, ref: string | undefined): any {
  if (!ref?.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').reduce((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** The value at a `$message.payload#/a/b` expression. */
export function payloadValue(payload: Record<string, unknown>, expression: string): unknown {
  const pointer = expression.replace(/^\$message\.payload#/, '');
  return pointer.split('/').slice(1).reduce<any>((node, part) => node?.[part], payload);
}
