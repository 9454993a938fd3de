import { randomBytes } from 'node:crypto';
import type { Operation } from '../spec/types.ts';
import type { CheckContext } from './context.ts';
import type { HttpResponse } from './http.ts';
import type { User } from './identities.ts';
import type { FilledRequest, Resolver } from './recipes.ts';
import { reachable } from './target.ts';
import { is2xx } from './verdict.ts';

export interface KeyedRequest {
  owner: User;
  resolver: Resolver;
  request: FilledRequest;
  /** Unique text in this request's body, to find the resources it created. */
  text: string;
  key: string;
  header: string;
}

/** A fresh owner request for an idempotent operation, with a unique key and unique body text. */
export async function keyedRequest(ctx: CheckContext, op: Operation, label = 'owner'): Promise<KeyedRequest> {
  if (!op.idempotency) ctx.skip('the operation declares no x-idempotency');
  const owner = await ctx.user(label);
  const resolver = ctx.resolver(owner);
  const text = ctx.canary('idem');
  const key = `conf-${randomBytes(8).toString('hex')}`;
  const header = op.idempotency.header;
  const request = (await resolver.fill(op, { text }))!;
  request.headers[header] = key;
  return { owner, resolver, request, text, key, header };
}

export async function sendFirst(ctx: CheckContext, op: Operation, k: KeyedRequest): Promise<HttpResponse> {
  const res = await ctx.send(op, k.request, { as: k.owner });
  if (!is2xx(res.status))
    ctx.block(`the first request with a fresh key failed with ${res.status}: ${res.text.slice(0, 160)}`);
  return res;
}

/**
 * How many resources carrying `text` each list read of the owner shows (reads whose parameters the owner's
 * existing resources fill). Only reads that show at least one are returned.
 */
export async function countThroughReads(
  ctx: CheckContext,
  k: KeyedRequest,
): Promise<Array<{ read: string; count: number; response: HttpResponse }>> {
  const out: Array<{ read: string; count: number; response: HttpResponse }> = [];
  for (const read of ctx.spec.operations) {
    if (read.method !== 'get' || !reachable(ctx.target, read) || !listsItems(read)) continue;
    const req = await k.resolver.fill(read, { existingOnly: true });
    if (!req) continue;
    const res = await ctx.send(read, req, { as: k.owner });
    if (!is2xx(res.status) || typeof res.json !== 'object' || res.json === null) continue;
    const items = Object.values(res.json).filter(Array.isArray).flat();
    const count = items.filter((item) => JSON.stringify(item).includes(k.text)).length;
    if (count > 0) out.push({ read: read.operationId, count, response: res });
  }
  return out;
}

function listsItems(op: Operation): boolean {
  const schema = op.responses['200']?.content?.['application/json']?.schema;
  return Object.values<any>(schema?.properties ?? {}).some((p) => p?.type === 'array');
}
