import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EffectExtension } from '@socialnet/specs/model';
import type { Spec } from '../../spec/load.ts';
import { lineOf } from '../../spec/locate.ts';
import { model } from '../../spec/model.ts';
import type { JsonSchema, SpecLocation } from '../../spec/types.ts';

/** An x-effect: the HTTP read that shows a consumed event's effect (docs/spec-conventions.md). */
export type EffectSpec = EffectExtension;

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

/** The model's consumed topics of every AsyncAPI document next to the OpenAPI folder (`specs/asyncapi`) that declare an x-effect. */
export function consumerTargets(spec: Spec): ConsumerTarget[] {
  const dir = join(spec.root, 'specs/asyncapi');
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    return [];
  }
  const { profiles, enums } = model.loadDlqComponents(dir);
  const out: ConsumerTarget[] = [];
  for (const { name, file, doc, operations } of model.loadEventDocuments(dir, files)) {
    for (const op of operations) {
      const consumed = model.consumedTopicOf(doc, op);
      if (!consumed?.effect) continue;
      out.push({
        operationId: consumed.operationId,
        topic: consumed.topic,
        group: consumed.group,
        idempotencyHeader: consumed.idempotencyKey.name,
        dlqTopic: consumed.dlqTopic,
        dlqHeaders: profiles[consumed.dlqHeadersProfile ?? ''] ?? {},
        dlqEnums: enums,
        ceType: consumed.message.ceType as string,
        ceSource: consumed.message.ceSource as string,
        keyFrom: consumed.message.keyFrom,
        payloadSchema: consumed.payloadSchema,
        effect: consumed.effect,
        location: { file: `specs/asyncapi/${name}`, pointer: op.pointer, line: lineOf(file, op.pointer) },
      });
    }
  }
  return out;
}

/** The value at a `$message.payload#/a/b` expression. */
export function payloadValue(payload: Record<string, unknown>, expression: string): unknown {
  const pointer = expression.replace(/^\$message\.payload#/, '');
  return pointer
    .split('/')
    .slice(1)
    .reduce<any>((node, part) => node?.[part], payload);
}
