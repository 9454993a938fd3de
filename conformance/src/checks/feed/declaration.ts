import { join } from 'node:path';
import type { FeedActionExtension, FeedExtension } from '@socialnet/specs/model';
import { model } from '../../spec/model.ts';
import type { Spec } from '../../spec/load.ts';
import type { Operation } from '../../spec/types.ts';

/** An operation the suite calls to drive a feed: which one, where the other user's id goes, and fixed body fields. */
export type FeedAction = FeedActionExtension;

/** `x-feed` of a home-feed read (specs/openapi/feed.yaml; docs/decisions/0010-feed-design.md), as the checks use it. */
export interface FeedDeclaration {
  read: Operation;
  strategy: string;
  fanoutThreshold?: number;
  stalenessMs: number;
  /** Sort keys, most significant first; the last one breaks every tie. */
  order: Array<{ field: string; desc: boolean }>;
  cursor?: string;
  excludes: string[];
  entry: { id: string; author: string };
  post: FeedAction & { id: string };
  follow: FeedAction;
  unfollow?: FeedAction;
  block?: FeedAction;
  celebrity?: FeedAction;
  authorFeed?: FeedAction;
}

const raw = new Map<string, any>();

/** The x-feed node of an operation, read from its spec file (the operation model carries only the shared x- keys). */
function xFeedOf(spec: Spec, op: Operation): FeedExtension | undefined {
  const file = join(spec.root, op.location.file);
  if (!raw.has(file)) raw.set(file, model.readYaml(file));
  return model.feedOf(model.atPointer(raw.get(file), op.location.pointer));
}

/** Every operation with an `x-feed` block. A block the suite cannot use throws at load, naming what is missing. */
export function feedDeclarations(spec: Spec): FeedDeclaration[] {
  const out: FeedDeclaration[] = [];
  for (const read of spec.operations) {
    const x = xFeedOf(spec, read);
    if (!x) continue;
    const where = `${read.operationId} x-feed`;
    if (!(Number(x.stalenessMs) > 0))
      throw new Error(`${where}: stalenessMs must be a positive number of milliseconds`);
    if (!Array.isArray(x.order) || x.order.length === 0) throw new Error(`${where}: order must list the sort keys`);
    if (!x.entry?.id || !x.entry?.author || !x.post?.operationId || !x.follow?.operationId) {
      throw new Error(`${where}: entry {id, author}, post and follow are required`);
    }
    out.push({
      read,
      strategy: String(x.strategy ?? ''),
      fanoutThreshold: x.fanoutThreshold,
      stalenessMs: Number(x.stalenessMs),
      order: x.order.map((k) => {
        const [field, direction = 'asc'] = String(k).trim().split(/\s+/);
        return { field: field!, desc: direction.toLowerCase() === 'desc' };
      }),
      cursor: x.cursor,
      excludes: x.excludes ?? [],
      entry: x.entry,
      post: { id: 'id', ...x.post },
      follow: x.follow,
      unfollow: x.unfollow,
      block: x.block,
      celebrity: x.celebrity,
      authorFeed: x.authorFeed,
    });
  }
  return out;
}

/** A label for a target: the read and what is being checked. */
export const feedLabel = (d: FeedDeclaration, what: string) =>
  `${d.read.method.toUpperCase()} ${d.read.gatewayPath}: ${what}`;
