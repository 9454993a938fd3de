import { consumerTargets } from '../checks/events/consumer-spec.ts';
import { feedDeclarations } from '../checks/feed/declaration.ts';
import { loadSpec, type Spec } from '../spec/load.ts';
import type { SpecLocation } from '../spec/types.ts';

/** The kinds of guarantee a spec states, one mutant family each (docs/mutants.md). */
export const FAMILIES = ['authz', 'security', 'idempotency', 'emits', 'propagation', 'feed', 'inbox', 'dlq'] as const;
export type Family = (typeof FAMILIES)[number];

/** One guarantee written in the specs: what a mutant removes. */
export interface Guarantee {
  /** `family:operationId[:detail]`, stable while the spec says the same thing. */
  id: string;
  family: Family;
  /** The service whose behaviour carries it (OpenAPI x-service; for a consumer, its group). */
  service: string;
  /** The OpenAPI operation, or the AsyncAPI receive operation, it is stated on. */
  operationId: string;
  /** The x-authz rule, the propagation edge's target service, the emitted channel or the x-feed field. */
  detail?: string;
  /** What the spec promises, in a line. */
  statement: string;
  location: SpecLocation;
}

/**
 * Reads every guarantee from the specs (OpenAPI x-authz, security, x-idempotency, x-emits, x-propagates, x-feed;
 * AsyncAPI x-consumer inbox and DLQ). The one place the mutation analysis reads specs: swap the loader here.
 */
export async function readGuarantees(specPath?: string): Promise<{ spec: Spec; guarantees: Guarantee[] }> {
  const spec = await loadSpec(specPath);
  return { spec, guarantees: guaranteesOf(spec) };
}

export function guaranteesOf(spec: Spec): Guarantee[] {
  const out: Guarantee[] = [];
  for (const op of spec.operations) {
    const at = op.location;
    const base = { service: op.service, operationId: op.operationId, location: at };
    op.authz.forEach((rule) => {
      out.push({
        ...base,
        id: `authz:${op.operationId}:${rule.rule}`,
        family: 'authz',
        detail: rule.rule,
        statement: `${op.operationId} is refused unless rule ${rule.rule} holds${rule.clause ? ` (${rule.clause})` : ''}`,
      });
    });
    if (op.secured)
      out.push({
        ...base,
        id: `security:${op.operationId}`,
        family: 'security',
        statement: `${op.operationId} requires a valid bearer token`,
      });
    if (op.idempotency)
      out.push({
        ...base,
        id: `idempotency:${op.operationId}`,
        family: 'idempotency',
        statement: `${op.operationId} honours ${op.idempotency.header} (scope ${op.idempotency.scope})`,
      });
    for (const e of op.emits)
      out.push({
        ...base,
        id: `emits:${op.operationId}:${e.channel}`,
        family: 'emits',
        detail: e.channel,
        statement: `${op.operationId} emits ${e.channel}`,
      });
    for (const p of op.propagates.filter((p) => p.credential === 'caller-bearer')) {
      out.push({
        ...base,
        id: `propagation:${op.operationId}:${p.to}`,
        family: 'propagation',
        detail: p.to,
        statement: `${op.operationId} calls ${p.to}${p.operationId ? ` (${p.operationId})` : ''} with the caller's bearer`,
      });
    }
  }
  for (const decl of feedDeclarations(spec)) {
    const base = {
      family: 'feed' as const,
      service: decl.read.service,
      operationId: decl.read.operationId,
      location: decl.read.location,
    };
    const feed = (detail: string, statement: string) =>
      out.push({ ...base, id: `feed:${decl.read.operationId}:${detail}`, detail, statement });
    feed(
      'staleness',
      `a followed author's post is in ${decl.read.operationId} within ${decl.stalenessMs} ms, without a rebuild`,
    );
    feed(
      'order',
      `${decl.read.operationId} is ordered by ${decl.order.map((o) => `${o.field} ${o.desc ? 'desc' : 'asc'}`).join(', ')}`,
    );
    if (decl.cursor)
      feed('cursor', `paging ${decl.read.operationId} with next_cursor is ${decl.cursor} while posts arrive`);
    for (const kind of decl.excludes)
      feed(`excludes-${kind}`, `${decl.read.operationId} never shows a ${kind} author's posts`);
  }
  for (const consumer of consumerTargets(spec)) {
    const base = { service: consumer.group, operationId: consumer.operationId, location: consumer.location };
    out.push({
      ...base,
      id: `inbox:${consumer.group}:${consumer.topic}`,
      family: 'inbox',
      detail: consumer.topic,
      statement: `${consumer.group} applies each ${consumer.topic} event once (inbox on ${consumer.idempotencyHeader})`,
    });
    if (consumer.dlqTopic)
      out.push({
        ...base,
        id: `dlq:${consumer.group}:${consumer.topic}`,
        family: 'dlq',
        detail: consumer.topic,
        statement: `${consumer.group} dead-letters a poison ${consumer.topic} record to ${consumer.dlqTopic}`,
      });
  }
  return out;
}
