import { randomBytes } from 'node:crypto';
import type { CheckContext } from '../../engine/context.ts';
import type { User } from '../../engine/identities.ts';
import type { FilledRequest } from '../../engine/recipes.ts';
import { reachable } from '../../engine/target.ts';
import { is2xx } from '../../engine/verdict.ts';
import type { Operation } from '../../spec/types.ts';
import type { FeedAction, FeedDeclaration } from './declaration.ts';

/**
 * The writes of a feed scenario, through the operations x-feed names: users (registered, so every service knows
 * them), follows, unfollows, blocks, celebrity marks and posts. Any refusal blocks the check: it is a precondition.
 */
export class FeedActions {
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
    const res = await this.ctx.send(op, req, { as: admin, setup: true });
    if (!is2xx(res.status))
      this.ctx.block(`${op.operationId} for ${author.label} got ${res.status}: ${res.text.slice(0, 160)}`);
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

  protected operation(action: FeedAction, what: string): Operation {
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
    const res = await this.ctx.send(op, req, { as: who, setup: true });
    if (!is2xx(res.status))
      this.ctx.block(`${what} as ${who.label} through ${op.operationId} got ${res.status}: ${res.text.slice(0, 160)}`);
  }
}
