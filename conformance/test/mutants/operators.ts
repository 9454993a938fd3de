import {
  caller,
  dropAuthz,
  feedEntry,
  findOperation,
  homeAuthors,
  timelinePage,
  timelinesRepo,
  type Handler,
  type HandlerContext,
  type PlatformDeps,
  type PlatformVariant,
  type Queryable,
  type ServiceName,
} from '@socialnet/reference';
import type { Family, Guarantee } from '../../src/mutants/guarantees.ts';
import { rebuildOnlyHomeFeed } from '../defects/D6-feed-rebuild-only.ts';
import { referenceHandler } from '../defects/wrap-handler.ts';

/**
 * Mutation operators: for a guarantee read from the specs, the variant of the reference that removes exactly it.
 * One operator per family (per x-feed field for feeds), never per operation: a new rule, operation or edge in the
 * spec becomes a new mutant with no new code. `undefined`: no variant can remove this guarantee (reported as such).
 */
type Operator = (g: Guarantee) => PlatformVariant | Promise<PlatformVariant | undefined> | undefined;

const onOperation = (g: Guarantee, edit: (operation: Record<string, any>) => void): PlatformVariant => ({
  transformSpec(service, doc) {
    if (service !== g.service) return;
    const entry = findOperation(doc, g.operationId);
    if (!entry) throw new Error(`mutant ${g.id}: no operation ${g.operationId} in ${service}`);
    edit(entry.operation);
  },
});

/** A transaction whose outbox INSERTs for `topic` do nothing: the change commits, its event never exists. */
function withoutOutbox(tx: Queryable, topic: string): Queryable {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return (sql: string, params?: unknown[]) =>
        /INSERT INTO public\.outbox/i.test(String(sql)) && params?.[1] === topic
          ? Promise.resolve({ rows: [], rowCount: 0 })
          : (target.query as any)(sql, params);
    },
  });
}

async function followed(ctx: HandlerContext<PlatformDeps>): Promise<string[]> {
  const answer = await ctx.deps
    .client('users')
    .call('GET', '/relationships?type=1&limit=100&offset=0', { as: caller(ctx), timeoutMs: 3000 });
  return (answer.body as { items: string[] }).items;
}

const isConsumer = (g: Guarantee, c: { group: string; topic: string }) => c.group === g.service && c.topic === g.detail;

/** Per x-feed field: a home feed that keeps every other guarantee and breaks this one. */
const FEED: Record<string, () => Record<string, Handler>> = {
  staleness: rebuildOnlyHomeFeed,
  order: () => ({
    async getHomeFeed(ctx) {
      const result = await timelinePage(ctx, await homeAuthors(ctx.deps, caller(ctx)));
      (result.body as { items: unknown[] }).items.reverse();
      return result;
    },
  }),
  cursor: () => ({
    // an offset cursor: a post that arrives between two pages shifts the second one
    async getHomeFeed(ctx) {
      const { limit, cursor } = ctx.query as { limit: number; cursor?: string };
      const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) || 0 : 0;
      const rows = await timelinesRepo.page(ctx.db, await homeAuthors(ctx.deps, caller(ctx)), offset + limit + 1);
      const items = rows.slice(offset, offset + limit);
      const next_cursor =
        rows.length > offset + limit ? Buffer.from(String(offset + limit)).toString('base64url') : null;
      return { status: 200, body: { items: items.map(feedEntry), limit, next_cursor } };
    },
  }),
  'excludes-blocked': () => ({ getHomeFeed: async (ctx) => timelinePage(ctx, await followed(ctx)) }),
  'excludes-unfollowed': () => {
    const ever = new Map<string, Set<string>>();
    return {
      async getHomeFeed(ctx) {
        const seen = ever.get(caller(ctx).userId) ?? new Set<string>();
        for (const id of await homeAuthors(ctx.deps, caller(ctx))) seen.add(id);
        ever.set(caller(ctx).userId, seen);
        return timelinePage(ctx, [...seen]);
      },
    };
  },
  'excludes-not-followed': () => ({
    async getHomeFeed(ctx) {
      const everyone = (
        await ctx.db.query<{ author_id: string }>('SELECT DISTINCT author_id FROM feed.author_timeline')
      ).rows.map((r) => r.author_id);
      return timelinePage(ctx, everyone);
    },
  }),
};

export const OPERATORS: Record<Family, Operator> = {
  authz: (g) => ({
    transformSpec(service, doc) {
      if (service === g.service) dropAuthz(doc, g.operationId, g.detail);
    },
  }),
  security: (g) => onOperation(g, (op) => void (op.security = [])),
  idempotency: (g) => onOperation(g, (op) => void delete op['x-idempotency']),
  propagation: (g) => ({ forwardBearer: (from, to) => !(from === g.service && to === g.detail) }),
  async emits(g) {
    const handler = referenceHandler(g.service as ServiceName, g.operationId);
    const mutated: Handler = (ctx) =>
      handler({ ...ctx, inTransaction: (fn) => ctx.inTransaction((tx) => fn(withoutOutbox(tx, g.detail!))) });
    return { handlers: { [g.service as ServiceName]: { [g.operationId]: mutated } } };
  },
  feed(g) {
    const make = FEED[g.detail!];
    return make ? { handlers: { [g.service as ServiceName]: make() } } : undefined;
  },
  // one consumer's steps, through the variant seam's consumer hook; every other consumer keeps the reference's
  inbox: (g) => ({
    consumers: (consumer, steps) =>
      isConsumer(g, consumer) ? { ...steps, dedup: async (_tx, _group, events) => events } : steps,
  }),
  dlq: (g) => ({
    consumers: (consumer, steps) =>
      isConsumer(g, consumer)
        ? {
            ...steps,
            routeFailures: (failures) => steps.routeFailures(failures.filter((f) => f.reason === 'transient')),
          }
        : steps,
  }),
};
