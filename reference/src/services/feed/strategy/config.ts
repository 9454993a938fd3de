import { loadSpec } from '../../../shared/spec/load-spec.ts';

export type FeedStrategyName = 'pull' | 'hybrid';

/**
 * `FEED_STRATEGY`: `hybrid` (default: push with celebrity pull, the design the contract names and the benchmark
 * supports, docs/decisions/0010-feed-design.md) or `pull` (every followee merged at read time). Read on every use,
 * so a benchmark can compare both on one platform and one data set.
 */
export function feedStrategyName(): FeedStrategyName {
  const value = process.env.FEED_STRATEGY ?? 'hybrid';
  if (value !== 'pull' && value !== 'hybrid')
    throw new Error(`FEED_STRATEGY must be pull or hybrid, not ${JSON.stringify(value)}`);
  return value;
}

/** How many recent posts of a new followee the hybrid copies into the reader's home timeline. */
export const BACKFILL_POSTS = 200;

/** `FEED_FANOUT_THRESHOLD` (tests, benchmark), else `x-feed.fanoutThreshold` of GET /feed in specs/openapi/feed.yaml. */
export async function fanoutThreshold(): Promise<number> {
  const env = process.env.FEED_FANOUT_THRESHOLD;
  if (env !== undefined) {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`FEED_FANOUT_THRESHOLD must be a whole number ≥ 0, not ${JSON.stringify(env)}`);
    return n;
  }
  const spec = (await loadSpec('feed.yaml')) as unknown as {
    paths: Record<string, { get?: { 'x-feed'?: { fanoutThreshold?: number } } }>;
  };
  const threshold = spec.paths['/feed']?.get?.['x-feed']?.fanoutThreshold;
  if (typeof threshold !== 'number')
    throw new Error('specs/openapi/feed.yaml: GET /feed has no x-feed.fanoutThreshold');
  return threshold;
}
