import { LRUCache } from 'lru-cache';
import type { Principal } from '../../shared/auth/principal.ts';
import { ServiceUnavailableError, type ServiceResponse } from '../../shared/http/service-client.ts';
import { ProblemError } from '../../shared/problem/problem.ts';
import type { PlatformDeps } from '../../platform/deps.ts';

const PAGE = 100;
const MAX_PAGES = 50;
/** Readers whose followees are kept, per platform; the least recently read is dropped first. */
const MAX_READERS = 10_000;

interface Kept {
  /** The version of all the reader's relationships the list was read at (listRelationships' ETag). */
  etag: string;
  authors: string[];
}

const kept = new WeakMap<PlatformDeps, LRUCache<string, Kept>>();

function keptOf(deps: PlatformDeps): LRUCache<string, Kept> {
  let cache = kept.get(deps);
  if (!cache) kept.set(deps, (cache = new LRUCache<string, Kept>({ max: MAX_READERS })));
  return cache;
}

async function relationships(
  deps: PlatformDeps,
  as: Principal,
  query: string,
  headers?: Record<string, string>,
): Promise<ServiceResponse> {
  let answer;
  try {
    answer = await deps.client('users').call('GET', `/relationships?${query}`, { as, headers, timeoutMs: 3000 });
  } catch (error) {
    if (error instanceof ServiceUnavailableError)
      throw new ProblemError('service-unavailable', error.message, { headers: { 'Retry-After': '5' } });
    throw error;
  }
  // unavailable upstream (e.g. its database restarting) is unavailable here too: the client may retry
  if (answer.status === 503)
    throw new ProblemError('service-unavailable', 'users service unavailable', {
      headers: { 'Retry-After': answer.headers.get('retry-after') ?? '5' },
    });
  return answer;
}

/** Every id the caller relates to with `type`, and the ETags of the pages (one when no write came between them). */
async function related(deps: PlatformDeps, as: Principal, type: number) {
  const ids: string[] = [];
  const etags = new Set<string | null>();
  for (let pageNo = 0; pageNo < MAX_PAGES; pageNo++) {
    const answer = await relationships(deps, as, `type=${type}&limit=${PAGE}&offset=${pageNo * PAGE}`);
    if (answer.status !== 200) throw new ProblemError('bad-gateway', `users service answered ${answer.status}`);
    etags.add(answer.headers.get('etag'));
    const items = (answer.body as { items: string[] }).items;
    ids.push(...items);
    if (items.length < PAGE) break;
  }
  return { ids, etags };
}

/** Whether the reader's relationships are still at `etag`: one request, whatever the number of followees. */
async function unchanged(deps: PlatformDeps, as: Principal, etag: string): Promise<boolean> {
  const answer = await relationships(deps, as, 'type=1&limit=1', { 'If-None-Match': etag });
  if (answer.status === 304) return true;
  if (answer.status === 200) return false;
  throw new ProblemError('bad-gateway', `users service answered ${answer.status}`);
}

export interface HomeAuthors {
  authors: string[];
  /** The version of the reader's relationships `authors` was read at; absent when it is not known for sure. */
  version?: string;
}

/**
 * The authors of the caller's home feed: relationships of type 1 (follow) minus type 3 (block), from the users
 * service. The list is kept per reader with the version it was read at and revalidated on every read with one
 * conditional request (listRelationships' ETag covers every page and type), so a follow, unfollow or block shows on
 * the very next read, while a reader with 1,000 followees costs one request instead of eleven. A list whose pages
 * came at different versions (a write during the walk) is used once and not kept.
 */
export async function homeAuthorsWithVersion(deps: PlatformDeps, as: Principal): Promise<HomeAuthors> {
  const cache = keptOf(deps);
  const previous = cache.get(as.userId);
  if (previous && (await unchanged(deps, as, previous.etag)))
    return { authors: previous.authors, version: previous.etag };
  const [follows, blocks] = await Promise.all([related(deps, as, 1), related(deps, as, 3)]);
  const blocked = new Set(blocks.ids);
  const authors = follows.ids.filter((id) => !blocked.has(id));
  const etags = new Set([...follows.etags, ...blocks.etags]);
  const [etag] = etags;
  if (etags.size === 1 && etag) {
    cache.set(as.userId, { etag, authors });
    return { authors, version: etag };
  }
  cache.delete(as.userId);
  return { authors };
}

/** The authors of the caller's home feed (homeAuthorsWithVersion without the version). */
export async function homeAuthors(deps: PlatformDeps, as: Principal): Promise<string[]> {
  return (await homeAuthorsWithVersion(deps, as)).authors;
}
