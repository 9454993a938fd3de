import type { Database, Queryable } from '../../../shared/db/queryable.ts';
import type { Logger } from '../../../shared/observability/logger.ts';
import { type FanoutJob, homeRepo } from '../repositories/home.ts';
import type { FollowersOf } from './followers.ts';

/** The channel the posts.created consumer notifies when it queues a fan-out (a hint; the worker also polls). */
export const FANOUT_CHANNEL = 'feed_fanout';
const PUSH_CHUNK = 5000;
const RETRY_MS = 1000;

export interface FanoutOutcome {
  /** Home-timeline rows written (0 for a pulled author, and for a redelivered post). */
  rows: number;
  /** `pushed`: to every follower; `pulled`: the author is merged at read time (celebrity or above the threshold). */
  mode: 'pushed' | 'pulled';
  followers?: number;
}

/**
 * Fans one post out: to every follower's home timeline, unless its author is a celebrity or has more than
 * `threshold` followers, in which case the author is marked pulled (merged at read time) and nothing is written.
 * Idempotent: a repeat writes no row twice.
 */
export async function fanOutPost(
  db: Queryable,
  followersOf: FollowersOf,
  threshold: number,
  job: FanoutJob,
): Promise<FanoutOutcome> {
  if ((await homeRepo.pulled(db, [job.author_id])).size > 0) return { rows: 0, mode: 'pulled' };
  const followers = await followersOf(job.author_id, threshold);
  if (followers === undefined) {
    await homeRepo.markPulled(db, job.author_id);
    return { rows: 0, mode: 'pulled' };
  }
  let rows = 0;
  for (let i = 0; i < followers.length; i += PUSH_CHUNK)
    rows += await homeRepo.push(db, job, followers.slice(i, i + PUSH_CHUNK));
  return { rows, mode: 'pushed', followers: followers.length };
}

export interface FanoutWorkerOptions {
  db: Database;
  followersOf: FollowersOf;
  threshold: number;
  log: Logger;
  /** Fallback poll when no notification came (default 500 ms; the contract's staleness bound is 5 s). */
  pollMs?: number;
}

/**
 * Drains feed.fanout_queue (filled by the posts.created consumer under FEED_STRATEGY=hybrid): each job is claimed,
 * fanned out outside any transaction (the followers come from the users service over HTTP), then deleted. A failed
 * job is retried a second later without holding up the others; a crashed process's claims expire after 30 s.
 */
export async function startFanoutWorker(o: FanoutWorkerOptions): Promise<{ close(): Promise<void> }> {
  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;
  const drain = async () => {
    for (;;) {
      const jobs = await homeRepo.claim(o.db, 10);
      if (jobs.length === 0) return;
      // the jobs of one claim side by side: each mostly waits on the users service
      await Promise.all(
        jobs.map(async (job) => {
          if (closed) return homeRepo.release(o.db, job);
          try {
            await fanOutPost(o.db, o.followersOf, o.threshold, job);
            await homeRepo.done(o.db, job);
          } catch (error) {
            // this job alone waits (its claim kept for RETRY_MS); the others go on
            o.log.warn(
              { err: error, author_id: job.author_id, post_id: job.post_id },
              'feed fan-out failed; retried in a second',
            );
            await homeRepo.release(o.db, job, RETRY_MS);
          }
        }),
      );
    }
  };
  const wake = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) => o.log.warn({ err: error }, 'feed fan-out pass failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  const unlisten = await o.db.listen(FANOUT_CHANNEL, wake);
  const timer = setInterval(wake, o.pollMs ?? 500);
  timer.unref();
  wake();
  return {
    async close() {
      closed = true;
      clearInterval(timer);
      await unlisten();
      await running;
    },
  };
}
