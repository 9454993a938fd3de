// Benchmark of the two home-feed strategies (issue 17, docs/decisions/0010-feed-design.md), both in one run on one
// platform and one data set (FEED_STRATEGY is read per request):
//   npx tsx scripts/bench/feed.ts [--quick] [--reads 200] [--visible 20] [--svg docs/decisions/0010-feed-bench.svg]
// Database: TEST_DATABASE_URL (a private database on real PostgreSQL), else PGlite. Broker: KAFKA_BROKERS, else the
// embedded one. Prints, for pull and hybrid side by side:
//   1. home-feed read (GET /api/feed?limit=50) p50/p99 for readers following 10, 100 and 1,000 authors (plus two big
//      authors, one of them above the fan-out threshold), rounds alternating between the strategies;
//   1b. the same pages' database work alone, the followee list given (the part where the strategies differ);
//   2. the write side of one post as its author's followers grow (10 to 10,000, and one above the threshold):
//      rows written and time (pull: the author-timeline row only; hybrid: that plus the fan-out through the users
//      service's followers query);
//   3. post to visible: POST /api/posts answered → the post in a follower's GET /api/feed (p50/p99).
// Sizes (full): 10,001 users, 1,000 authors × 20 posts; --quick: 60 users, 50 authors × 3 posts.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { addToAuthorTimeline } from '../../reference/src/events/handlers/add-to-author-timeline.ts';
import { startPlatformWithEvents } from '../../reference/src/platform/with-events.ts';
import { issueJwt } from '../../reference/src/shared/auth/issue-jwt.ts';
import { createServiceClient } from '../../reference/src/shared/http/service-client.ts';
import { followersFromUsersService } from '../../reference/src/services/feed/fanout/followers.ts';
import { fanOutPost } from '../../reference/src/services/feed/fanout/fanout-worker.ts';
import { homeRepo } from '../../reference/src/services/feed/repositories/home.ts';
import { timelinesRepo } from '../../reference/src/services/feed/repositories/timelines.ts';
import { hybridPage } from '../../reference/src/services/feed/strategy/hybrid.ts';
import { openBenchDatabase, percentile, waitFor } from './events-lib.ts';
import { seedFollowees, seedFollowers, seedTimelines, seedUsers, userId } from './feed-graph.ts';
import { feedPlot, type FanoutPoint, type ReadPoint } from './feed-plot.ts';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    reads: { type: 'string' },
    visible: { type: 'string' },
    svg: { type: 'string' },
  },
});
const quick = Boolean(args.quick);
const FOLLOWEES = quick ? [5, 20, 50] : [10, 100, 1000];
const FOLLOWERS = quick ? [5, 20, 50] : [10, 100, 1000, 10_000];
const THRESHOLD = FOLLOWERS[FOLLOWERS.length - 1]!;
const AUTHORS = FOLLOWEES[FOLLOWEES.length - 1]!;
const POSTS_PER_AUTHOR = quick ? 3 : 20;
const READS = Number(args.reads ?? (quick ? 10 : 200));
const VISIBLE = Number(args.visible ?? (quick ? 3 : 20));
const STRATEGIES = ['pull', 'hybrid'] as const;
type Strategy = (typeof STRATEGIES)[number];

// Users: 1..THRESHOLD+1 (authors are 1..AUTHORS; everyone follows the big authors); readers and big authors after.
const POPULATION = THRESHOLD + 1;
const READER = (i: number) => POPULATION + 1 + i; // one per followee tier
const BIG = (i: number) => POPULATION + 10 + i; // one per follower tier, then one above the threshold
const TOP = BIG(FOLLOWERS.length + 1);

process.env.FEED_FANOUT_THRESHOLD = String(THRESHOLD);
process.env.FEED_STRATEGY = 'hybrid';
const { db, kind: dbKind } = await openBenchDatabase(process.env.TEST_DATABASE_URL);
const jwtSecret = randomBytes(32).toString('base64url');
const platform = await startPlatformWithEvents({
  jwtSecret,
  db,
  kafkaBrokers: process.env.KAFKA_BROKERS,
  eventNamespace: `benchfeed${Date.now()}.`,
  logLevel: 'silent',
});
await platform.events.ready();
const brokerKind = process.env.KAFKA_BROKERS ? `Apache Kafka at ${process.env.KAFKA_BROKERS}` : 'embedded broker';
const token = async (n: number) => (await issueJwt(jwtSecret, userId(n))).token;
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

try {
  const seedStart = process.hrtime.bigint();
  await seedUsers(db, 1, TOP);
  await seedTimelines(db, 1, AUTHORS, POSTS_PER_AUTHOR);
  for (const [i, n] of FOLLOWEES.entries()) await seedFollowees(db, READER(i), 1, n);
  const aboveThreshold = FOLLOWERS.length;
  // the biggest pushed author's followers include the readers, which follow it too (below)
  for (const [i, n] of [...FOLLOWERS, THRESHOLD + 1].entries())
    await seedFollowers(db, BIG(i), 1, i === FOLLOWERS.length - 1 ? n - FOLLOWEES.length : n);
  // every reader also follows the biggest pushed author and the one above the threshold (merged at read time)
  for (const i of FOLLOWEES.keys()) {
    await seedFollowees(db, READER(i), BIG(FOLLOWERS.length - 1), BIG(FOLLOWERS.length - 1));
    await seedFollowees(db, READER(i), BIG(aboveThreshold), BIG(aboveThreshold));
  }
  await seedTimelines(db, BIG(0), BIG(aboveThreshold), POSTS_PER_AUTHOR);
  await homeRepo.markPulled(db, userId(BIG(aboveThreshold))); // as the fan-out of its earlier posts found it
  if (db.kind === 'postgres') await db.query('ANALYZE');
  console.log(
    `feed benchmark: ${dbKind}, ${brokerKind}; ${TOP} users, ${AUTHORS} authors × ${POSTS_PER_AUTHOR} posts, fan-out threshold ${THRESHOLD}; graph seeded in ${fmt(ms(seedStart))} ms`,
  );

  // 1. home reads
  const readers = await Promise.all(FOLLOWEES.map((_, i) => token(READER(i))));
  const read = async (strategy: Strategy, bearer: string, followees: number) => {
    const expected = Math.min(50, (followees + 2) * POSTS_PER_AUTHOR);
    process.env.FEED_STRATEGY = strategy;
    const t = process.hrtime.bigint();
    const res = await fetch(`${platform.baseUrl}/api/feed?limit=50`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    if (res.status !== 200) throw new Error(`GET /api/feed answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items: unknown[] };
    if (body.items.length !== expected)
      throw new Error(`GET /api/feed (${strategy}) gave ${body.items.length} entries, not ${expected}`);
    return ms(t);
  };
  const firstHybrid: number[] = [];
  for (const [i, bearer] of readers.entries()) firstHybrid.push(await read('hybrid', bearer, FOLLOWEES[i]!)); // backfills the home timeline
  const samples: Record<Strategy, number[][]> = { pull: FOLLOWEES.map(() => []), hybrid: FOLLOWEES.map(() => []) };
  for (const [i, bearer] of readers.entries()) for (const s of STRATEGIES) await read(s, bearer, FOLLOWEES[i]!); // warm-up
  // The first reads backfilled thousands of home rows; PostgreSQL's autovacuum analyzes such a table within a minute,
  // after which the page is an ordered index scan of `limit` rows. Measure that steady state, not the minute before.
  if (db.kind === 'postgres') await db.query('ANALYZE');
  for (let r = 0; r < READS; r++) {
    for (const [i, bearer] of readers.entries())
      for (const s of r % 2 ? [...STRATEGIES].reverse() : STRATEGIES)
        samples[s][i]!.push(await read(s, bearer, FOLLOWEES[i]!));
  }
  const readPoints: ReadPoint[] = [];
  console.log(`\n1. home read GET /api/feed?limit=50, ${READS} reads per reader and strategy (ms)`);
  console.log('followees | pull p50 | pull p99 | hybrid p50 | hybrid p99 | hybrid first read (backfill)');
  for (const [i, n] of FOLLOWEES.entries()) {
    const row = STRATEGIES.map((s) => {
      const sorted = [...samples[s][i]!].sort((a, b) => a - b);
      const point = { strategy: s, followees: n, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      readPoints.push(point);
      return `${fmt(point.p50)} | ${fmt(point.p99)}`;
    });
    console.log(`${n} (+2) | ${row.join(' | ')} | ${fmt(firstHybrid[i]!)}`);
  }
  for (const s of STRATEGIES) {
    const [lo, hi] = [
      readPoints.find((p) => p.strategy === s && p.followees === FOLLOWEES[0])!,
      readPoints.find((p) => p.strategy === s && p.followees === AUTHORS)!,
    ];
    console.log(`${s}: p99 at ${AUTHORS} followees / p99 at ${FOLLOWEES[0]} = ${(hi.p99 / lo.p99).toFixed(2)}×`);
  }

  const plotReads: ReadPoint[] = readPoints.map((p) => ({ ...p, strategy: `${p.strategy}, whole request` }));
  // 1b. the strategies' own database work, the followee list given (what differs between them)
  const followeesOf = async (n: number) =>
    (
      await db.query<{ related_id: string }>(
        'SELECT related_id FROM users.relationships WHERE user_id = $1 AND type = 1',
        [userId(n)],
      )
    ).rows.map((r) => r.related_id);
  const lists = await Promise.all(FOLLOWEES.map((_, i) => followeesOf(READER(i))));
  // the version each reader's home sources were synced to by the reads above: the steady state of a reader whose
  // followees did not change since their last read
  const versions = await Promise.all(
    FOLLOWEES.map(async (_, i) => (await homeRepo.syncedVersion(db, userId(READER(i)))) ?? undefined),
  );
  const dbSamples: Record<Strategy, number[][]> = { pull: FOLLOWEES.map(() => []), hybrid: FOLLOWEES.map(() => []) };
  for (let r = 0; r < READS; r++) {
    for (const [i, authors] of lists.entries()) {
      for (const s of r % 2 ? [...STRATEGIES].reverse() : STRATEGIES) {
        const t = process.hrtime.bigint();
        if (s === 'pull') await timelinesRepo.page(db, authors, 51);
        else await hybridPage(db, userId(READER(i)), { authors, version: versions[i] }, 51);
        dbSamples[s][i]!.push(ms(t));
      }
    }
  }
  console.log(
    `\n1b. the strategy's database work for one page, followee list given (ms, ${READS} per reader and strategy)`,
  );
  console.log('followees | pull p50 | pull p99 | hybrid p50 | hybrid p99');
  for (const [i, n] of FOLLOWEES.entries()) {
    const cells = STRATEGIES.map((s) => {
      const sorted = [...dbSamples[s][i]!].sort((a, b) => a - b);
      return `${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 99))}`;
    });
    console.log(`${n} (+2) | ${cells.join(' | ')}`);
  }
  for (const s of STRATEGIES) {
    for (const [i, n] of FOLLOWEES.entries()) {
      const sorted = [...dbSamples[s][i]!].sort((a, b) => a - b);
      plotReads.push({
        strategy: `${s}, database work`,
        followees: n,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
      });
    }
    const p99 = (i: number) =>
      percentile(
        [...dbSamples[s][i]!].sort((a, b) => a - b),
        99,
      );
    console.log(
      `${s}: database p99 at ${AUTHORS} followees / at ${FOLLOWEES[0]} = ${(p99(FOLLOWEES.length - 1) / p99(0)).toFixed(2)}×`,
    );
  }

  // 2. the write side of one post, as followers grow
  process.env.FEED_STRATEGY = 'pull'; // the consumer handler queues no fan-out: the worker stays out of the way
  const users = createServiceClient('users', () => platform.services.users, true);
  const followersOf = followersFromUsersService(users, jwtSecret);
  let nextPost = 2_000_000_000_000;
  const fanoutPoints: FanoutPoint[] = [];
  console.log(
    "\n2. one post, as its author's followers grow: rows written and time (ms, median of 3; hybrid includes walking the followers over HTTP)",
  );
  console.log('followers | pull rows | pull ms | hybrid rows | hybrid ms');
  for (const [i, n] of [...FOLLOWERS, THRESHOLD + 1].entries()) {
    const times: Record<Strategy, number[]> = { pull: [], hybrid: [] };
    const rows: Record<Strategy, number> = { pull: 0, hybrid: 0 };
    for (let rep = 0; rep < 3; rep++) {
      for (const s of STRATEGIES) {
        const job = { author_id: userId(BIG(i)), post_id: nextPost++, created_at: new Date() };
        const payload = {
          id: job.post_id,
          user_id: job.author_id,
          description: 'bench',
          media_url: '',
          tags: null,
          created_at: job.created_at.toISOString(),
        };
        const t = process.hrtime.bigint();
        await db.transaction((tx) => addToAuthorTimeline.apply(tx, [{ payload } as never]));
        let written = 1;
        if (s === 'hybrid') written += (await fanOutPost(db, followersOf, THRESHOLD, job)).rows;
        times[s].push(ms(t));
        rows[s] = written;
      }
    }
    const label = i === FOLLOWERS.length ? `${n} (above threshold)` : String(n);
    const med = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      );
    for (const s of STRATEGIES) fanoutPoints.push({ strategy: s, followers: n, rows: rows[s], ms: med(times[s]) });
    console.log(`${label} | ${rows.pull} | ${fmt(med(times.pull))} | ${rows.hybrid} | ${fmt(med(times.hybrid))}`);
  }

  // 3. post to visible, through the API, the relay, Kafka, the consumer and (hybrid) the fan-out worker
  const author = BIG(FOLLOWERS.length - 2); // the second-largest pushed author
  const follower = 1;
  const [authorToken, followerToken] = [await token(author), await token(follower)];
  console.log(
    `\n3. post → visible in a follower's home feed (author with ${FOLLOWERS[FOLLOWERS.length - 2]} followers; ${VISIBLE} posts per strategy; ms)`,
  );
  console.log('strategy | p50 | p99 | max');
  const visible: Record<string, number> = {};
  for (const s of ['hybrid', 'pull'] as Strategy[]) {
    process.env.FEED_STRATEGY = s;
    const lat: number[] = [];
    for (let k = 0; k < VISIBLE; k++) {
      const res = await fetch(`${platform.baseUrl}/api/posts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${authorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ description: `visible ${s} ${k}` }),
      });
      if (res.status !== 201) throw new Error(`POST /api/posts answered ${res.status}: ${await res.text()}`);
      const id = ((await res.json()) as { id: number }).id;
      const answered = process.hrtime.bigint();
      await waitFor(
        "the post in the follower's feed",
        async () => {
          const feed = (await (
            await fetch(`${platform.baseUrl}/api/feed?limit=5`, {
              headers: { authorization: `Bearer ${followerToken}` },
            })
          ).json()) as { items: Array<{ post_id: number }> };
          return feed.items.some((i) => i.post_id === id);
        },
        30_000,
      );
      lat.push(ms(answered));
    }
    const sorted = lat.sort((a, b) => a - b);
    visible[s] = percentile(sorted, 99);
    console.log(
      `${s} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 99))} | ${fmt(sorted[sorted.length - 1]!)}`,
    );
  }
  console.log('contract staleness bound (x-feed.stalenessMs): 5000 ms');

  if (args.svg) {
    await writeFile(
      args.svg,
      await feedPlot(
        plotReads,
        fanoutPoints,
        `feed strategies (${quick ? 'quick' : 'full'} run, ${dbKind.split(' ')[0]}, ${brokerKind.split(' at ')[0]})`,
      ),
    );
    console.log(`\nplot written to ${args.svg}`);
  }
} finally {
  await platform.close();
  await db.close();
}
