import { randomBytes } from 'node:crypto';
import type { CheckContext } from '../../engine/context.ts';
import type { HttpResponse } from '../../engine/http.ts';
import type { User } from '../../engine/identities.ts';
import type { FilledRequest } from '../../engine/recipes.ts';
import { reachable } from '../../engine/target.ts';
import { is2xx } from '../../engine/verdict.ts';
import type { Operation } from '../../spec/types.ts';
import type { FeedAction, FeedDeclaration } from './declaration.ts';

export interface FeedPage {
  items: any[];
  next: string | null;
  response: HttpResponse;
}

/**
 * Drives one x-feed declaration through the spec's own operations: users of its own (registered, so other
 * services know them), follows, blocks and posts, and reads of the home feed. Never calls the repair operation.
 */
export class FeedScenario {
  private readonly run = randomBytes(3).toString('hex');

  constructor(
    readonly ctx: CheckContext,
    readonly decl: FeedDeclaration,
  ) {
    if (!reachable(ctx.target, decl.read)) ctx.skip(`no URL for service ${decl.read.service}`);
  }

  /**
   * The reader whose home feed is checked. Registering users is slow by design (a password KDF), so checks that
   * only add follows and judge their own posts or the whole feed's order share one follower; a check that
   * unfollows or blocks (`own`) gets a reader of its own.
   */
  reader(own = false): Promise<User> {
    return this.ctx.user(own ? `feed-reader ${this.ctx.checkId} ${this.run}` : 'feed-follower');
  }

  /** An author shared by the feed checks of the run; relationships belong to readers, so sharing is safe. */
  author(n: number | 'celebrity'): Promise<User> {
    return this.ctx.user(`feed-author ${n}`);
  }

  /** follow, unfollow or block `other` as `who`; blocks the check when the operation is missing or refuses. */
  async relate(kind: 'follow' | 'unfollow' | 'block', who: User, other: User): Promise<void> {
    const action = this.decl[kind];
    if (!action) this.ctx.skip(`x-feed declares no ${kind} operation`);
    const op = this.operation(action, kind);
    await this.call(op, action, who, other, `${kind} ${other.label}`);
  }

  /** Marks `author` with the x-feed celebrity operation (admin; needs --jwt-secret). */
  async makeCelebrity(author: User): Promise<void> {
    const action = this.decl.celebrity;
    if (!action) this.ctx.skip('x-feed declares no celebrity operation');
    if (!this.ctx.secret) this.ctx.skip('marking a celebrity needs the admin role: pass --jwt-secret');
    const op = this.operation(action, 'celebrity');
    const admin = await this.ctx.admin(author); // the role decides, not the identity
    const req: FilledRequest = { path: {}, query: {}, headers: {} };
    for (const p of op.parameters) if (p.in === 'path') req.path[p.name] = author.id;
    const res = await this.ctx.send(op, req, { as: admin });
    if (!is2xx(res.status)) this.ctx.block(`${op.operationId} for ${author.label} got ${res.status}: ${res.text.slice(0, 160)}`);
  }

  /** A post by `author`; returns its id and when its create answered. */
  async post(author: User): Promise<{ id: unknown; at: number }> {
    const op = this.operation(this.decl.post, 'post');
    const req = (await this.ctx.resolver(author).fill(op))!;
    const res = await this.ctx.send(op, req, { as: author });
    const at = Date.now();
    if (!is2xx(res.status) || res.json?.[this.decl.post.id] === undefined) {
      this.ctx.block(`${op.operationId} as ${author.label} got ${res.status}: ${res.text.slice(0, 160)}`);
    }
    return { id: res.json[this.decl.post.id], at };
  }

  /** One page of `reader`'s home feed. */
  async page(reader: User, limit: number, cursor?: string): Promise<FeedPage> {
    const res = await this.ctx.send(this.decl.read, { path: {}, query: { limit, cursor }, headers: {} }, { as: reader });
    if (res.status !== 200 || !Array.isArray(res.json?.items)) {
      this.ctx.block(`reading the home feed as ${reader.label} got ${res.status}: ${res.text.slice(0, 160)}`);
    }
    return { items: res.json.items, next: res.json.next_cursor ?? null, response: res };
  }

  /** The first page (up to 100 entries: the scenarios' feeds are smaller). */
  head(reader: User): Promise<FeedPage> {
    return this.page(reader, 100);
  }

  idOf(item: any): string {
    return String(item?.[this.decl.entry.id]);
  }

  ids(page: FeedPage): string[] {
    return page.items.map((i) => this.idOf(i));
  }

  /**
   * Polls the reader's first page until `done` holds, for at most stalenessMs (the declared bound). Returns the
   * last page read and whether `done` held.
   */
  async until(reader: User, done: (ids: Set<string>) => boolean): Promise<{ ok: boolean; last: FeedPage; ms: number }> {
    const started = Date.now();
    let last: FeedPage | undefined;
    const hit = await this.ctx.poll(async () => {
      last = await this.head(reader);
      return done(new Set(this.ids(last))) ? true : undefined;
    }, this.decl.stalenessMs);
    return { ok: hit === true, last: last!, ms: Date.now() - started };
  }

  /** Waits until each post is in the reader's feed; blocks the check (the freshness check reports that) if not. */
  async visible(reader: User, postIds: unknown[]): Promise<FeedPage> {
    const wanted = postIds.map(String);
    const seen = await this.until(reader, (ids) => wanted.every((id) => ids.has(id)));
    if (!seen.ok) {
      this.ctx.block(`posts ${wanted.join(', ')} of followed authors were not in the home feed within stalenessMs (${this.decl.stalenessMs} ms); see feed.visible-without-rebuild`);
    }
    return seen.last;
  }

  /** Waits until the post is in its author's own feed, so the feed service has it (the barrier for "never appears"). */
  async known(author: User, postId: unknown): Promise<void> {
    const action = this.decl.authorFeed;
    if (!action) this.ctx.skip('x-feed declares no authorFeed operation to know when the feed service has a post');
    const op = this.operation(action, 'authorFeed');
    const req: FilledRequest = { path: {}, query: { limit: 100 }, headers: {} };
    for (const p of op.parameters) if (p.in === 'path') req.path[p.name] = author.id;
    const found = await this.ctx.poll(async () => {
      const res = await this.ctx.send(op, req, { as: author });
      return Array.isArray(res.json?.items) && res.json.items.some((i: any) => this.idOf(i) === String(postId)) ? true : undefined;
    }, this.decl.stalenessMs);
    if (!found) this.ctx.block(`post ${postId} was not in its author's feed (${op.operationId}) within stalenessMs`);
  }

  /** Compares two entries by the declared order: negative when `a` must come before `b`, 0 when no key tells them apart. */
  compare(a: any, b: any): number {
    for (const { field, desc } of this.decl.order) {
      const x = sortable(a?.[field]);
      const y = sortable(b?.[field]);
      if (x < y) return desc ? 1 : -1;
      if (x > y) return desc ? -1 : 1;
    }
    return 0;
  }

  /** The first place where `items` break the declared strict order (a tie counts: the order is total), if any. */
  orderBreak(items: any[]): string | undefined {
    for (let i = 1; i < items.length; i++) {
      if (this.compare(items[i - 1], items[i]) >= 0) {
        const show = (e: any) => `{${this.decl.order.map(({ field }) => `${field}: ${JSON.stringify(e?.[field])}`).join(', ')}}`;
        return `entry ${i - 1} ${show(items[i - 1])} is followed by ${show(items[i])}`;
      }
    }
    return undefined;
  }

  private operation(action: FeedAction, what: string): Operation {
    const op = this.ctx.spec.operation(action.operationId);
    if (!op) this.ctx.block(`x-feed ${what}: no operation ${action.operationId} in the spec`);
    if (!reachable(this.ctx.target, op)) this.ctx.skip(`no URL for service ${op.service} (x-feed ${what})`);
    return op;
  }

  private async call(op: Operation, action: FeedAction, who: User, other: User, what: string): Promise<void> {
    const req = (await this.ctx.resolver(who).fill(op)) ?? { path: {}, query: {}, headers: {} };
    const target = action.target;
    if (target?.in === 'body') req.body = { ...(req.body as object), ...action.body, [target.name]: other.id };
    else {
      if (action.body) req.body = { ...(req.body as object), ...action.body };
      if (target?.in === 'path') req.path[target.name] = other.id;
      if (target?.in === 'query') req.query[target.name] = other.id;
    }
    const res = await this.ctx.send(op, req, { as: who });
    if (!is2xx(res.status)) this.ctx.block(`${what} as ${who.label} through ${op.operationId} got ${res.status}: ${res.text.slice(0, 160)}`);
  }
}

/** Timestamps compare as instants, numeric strings as numbers (int64 ids may be strings), the rest as text. */
function sortable(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return Number(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return Date.parse(value);
    return value;
  }
  return String(value);
}
