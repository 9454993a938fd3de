import {
  caller,
  decodeCursor,
  encodeCursor,
  feedEntry,
  homeAuthors,
  timelinesRepo,
  type Handler,
  type PlatformDeps,
  type Principal,
  type Queryable,
  type TimelineRow,
} from '@socialnet/reference';

/**
 * Further faults of the original's feed design (system-under-review §6.3), each alone on an otherwise correct,
 * fresh home feed, so that each feed check is shown to fail the fault it is for. D6 itself (rebuild-only) is
 * test/defects/D6-feed-rebuild-only.ts.
 */
export type Facet = Record<'getHomeFeed', Handler>;

const ALL = 1000;
const rows = (db: Queryable, authors: string[]) => timelinesRepo.page(db, authors, ALL);

/** One page of `all` by offset, the cursor carrying the offset (the original's offset/limit, behind a cursor). */
function offsetPage(ctx: Parameters<Handler>[0], all: TimelineRow[]) {
  const { limit, cursor } = ctx.query as { limit: number; cursor?: string };
  const offset = decodeCursor<{ o: number }>(cursor, { o: 'number' })?.o ?? 0;
  const items = all.slice(offset, offset + limit);
  const next_cursor = all.length > offset + limit ? encodeCursor({ o: offset + limit }) : null;
  return { status: 200, body: { items: items.map(feedEntry), limit, next_cursor } };
}

/** Offset pages over a list with new posts at the head: every arrival shifts the later pages. */
export const offsetPages: Facet = {
  async getHomeFeed(ctx) {
    return offsetPage(ctx, await rows(ctx.db, await homeAuthors(ctx.deps, caller(ctx))));
  },
};

/** Whole-second scores with ties in an arbitrary order (here: oldest post first), as the original's rebuild sorted. */
export const secondScores: Facet = {
  async getHomeFeed(ctx) {
    const second = (r: TimelineRow) => Math.floor(r.created_at.getTime() / 1000);
    const all = await rows(ctx.db, await homeAuthors(ctx.deps, caller(ctx)));
    return offsetPage(
      ctx,
      [...all].sort((a, b) => second(b) - second(a) || a.post_id - b.post_id),
    );
  },
};

/** Followees read once (as the original's rebuild did) and blocks ignored: unfollows and blocks never take effect. */
export function followeesOnce(): Facet {
  const known = new Map<string, string[]>();
  const followees = async (deps: PlatformDeps, me: Principal) => {
    if (!known.has(me.userId)) {
      const answer = await deps
        .client('users')
        .call('GET', '/relationships?type=1&limit=100&offset=0', { as: me, timeoutMs: 3000 });
      known.set(me.userId, (answer.body as { items: string[] }).items);
    }
    return known.get(me.userId)!;
  };
  return {
    async getHomeFeed(ctx) {
      return offsetPage(ctx, await rows(ctx.db, await followees(ctx.deps, caller(ctx))));
    },
  };
}
