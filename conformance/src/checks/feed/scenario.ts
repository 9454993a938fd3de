import type { HttpResponse } from '../../engine/http.ts';
import type { User } from '../../engine/identities.ts';
import type { FilledRequest } from '../../engine/recipes.ts';
import { FeedActions } from './actions.ts';
import { orderBreak } from './order-keys.ts';

export interface FeedPage {
  items: any[];
  next: string | null;
  response: HttpResponse;
}

/**
 * One x-feed declaration driven from outside: the writes of FeedActions, and reads of the home feed polled against
 * the declared staleness bound. Never calls the repair operation.
 */
export class FeedScenario extends FeedActions {
  /** One page of `reader`'s home feed. */
  async page(reader: User, limit: number, cursor?: string): Promise<FeedPage> {
    const res = await this.ctx.send(
      this.decl.read,
      { path: {}, query: { limit, cursor }, headers: {} },
      { as: reader },
    );
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
      this.ctx.block(
        `posts ${wanted.join(', ')} of followed authors were not in the home feed within stalenessMs (${this.decl.stalenessMs} ms); see feed.visible-without-rebuild`,
      );
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
      return Array.isArray(res.json?.items) && res.json.items.some((i: any) => this.idOf(i) === String(postId))
        ? true
        : undefined;
    }, this.decl.stalenessMs);
    if (!found) this.ctx.block(`post ${postId} was not in its author's feed (${op.operationId}) within stalenessMs`);
  }

  /** The first place where `items` break the declared strict order, if any (see order-keys.ts). */
  orderBreak(items: any[]): string | undefined {
    return orderBreak(this.decl, items);
  }
}
