import { LRUCache } from 'lru-cache';
import type { Principal } from '../../shared/auth/principal.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { homeAuthors } from './followees.ts';
import { stalenessMs } from './strategy/config.ts';

/** Readers whose followee list is kept, per platform; the least recently read is dropped first. */
const MAX_READERS = 10_000;

interface Entry {
  authors: string[];
  /** When the walk that produced `authors` started: the list is at least as fresh as this. */
  readAt: number;
}

interface ReaderCache {
  entries: LRUCache<string, Entry>;
  walks: Map<string, Promise<string[]>>;
}

const caches = new WeakMap<PlatformDeps, ReaderCache>();

function cacheOf(deps: PlatformDeps): ReaderCache {
  let cache = caches.get(deps);
  if (!cache) {
    cache = { entries: new LRUCache<string, Entry>({ max: MAX_READERS }), walks: new Map() };
    caches.set(deps, cache);
  }
  return cache;
}

/** One walk of the users service per reader at a time; its result is kept. */
function walk(deps: PlatformDeps, reader: Principal, cache: ReaderCache): Promise<string[]> {
  const running = cache.walks.get(reader.userId);
  if (running) return running;
  const readAt = Date.now();
  const promise = homeAuthors(deps, reader)
    .then((authors) => {
      cache.entries.set(reader.userId, { authors, readAt });
      return authors;
    })
    .finally(() => cache.walks.delete(reader.userId));
  cache.walks.set(reader.userId, promise);
  return promise;
}

/**
 * The hybrid's followees minus blocks, without the users-service walk on every read. A list younger than a tenth of
 * x-feed.stalenessMs is used as is; one younger than half of it is used while a fresh walk runs in the background;
 * an older one (or none) waits for the walk. So a follow, unfollow or block shows within half the staleness bound
 * (plus one walk), and a reader who reads at least that often never waits for the walk. A failed background walk
 * only leaves the list to age out; the read that has to wait gets the users service's error.
 */
export async function cachedHomeAuthors(deps: PlatformDeps, reader: Principal): Promise<string[]> {
  const bound = await stalenessMs();
  const cache = cacheOf(deps);
  const entry = cache.entries.get(reader.userId);
  const age = entry ? Date.now() - entry.readAt : Infinity;
  if (entry && age < bound / 10) return entry.authors;
  if (entry && age < bound / 2) {
    walk(deps, reader, cache).catch(() => {});
    return entry.authors;
  }
  return walk(deps, reader, cache);
}

/** Drops the reader's kept list (POST /feed/rebuild reads the followees afresh). */
export function forgetHomeAuthors(deps: PlatformDeps, reader: Principal): void {
  cacheOf(deps).entries.delete(reader.userId);
}
