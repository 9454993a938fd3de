// The load run behind `npm run load`: the reference under a mixed open-model workload, then its invariants.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { startPlatformWithEvents } from '../../reference/src/index.ts';
import { freshDatabase } from '../testing/scratch-database.ts';
import { runArrivals } from './arrivals.ts';
import { apiClient } from './client.ts';
import { faultCluster } from './fault.ts';
import { answerInvariants, storedInvariants, type Invariant } from './invariants.ts';
import { workload, type Accepted } from './scenario.ts';
import { LoadStats } from './stats.ts';

export interface LoadOptions {
  durationSeconds: number;
  /** sessions started per second (open model; default 5, what the loaded 2-core machine held); each is 1 to 6 requests */
  rate?: number;
  /** a PostgreSQL server's URL: the run makes a scratch database there and drops it after; absent: embedded PGlite */
  databaseUrl?: string;
  /** Apache Kafka (comma-separated); absent: the embedded broker. Topics and groups get a prefix of their own. */
  kafkaBrokers?: string;
  /** `postgres-restart`: PostgreSQL (a cluster of the run's own on `faultPort`) restarted a third into the run */
  fault?: 'postgres-restart';
  faultPort?: number;
  /** how long PostgreSQL stays down during the restart */
  faultDownSeconds?: number;
  log?: (line: string) => void;
  /** stops the arrivals early; the run still checks its invariants and cleans up */
  signal?: AbortSignal;
}

export interface LoadReport {
  ok: boolean;
  errors: number;
  requests: number;
  invariants: Invariant[];
  /** 503 answers during the fault */
  unavailable: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const rate = options.rate ?? 5;
  const durationMs = options.durationSeconds * 1000;
  const cluster = options.fault === 'postgres-restart' ? faultCluster(options.faultPort ?? 5433) : undefined;
  if (cluster) log(await cluster.start());
  const serverUrl = cluster?.adminUrl ?? options.databaseUrl;
  const scratch = serverUrl ? await freshDatabase(serverUrl, 'load') : undefined;
  const namespace = options.kafkaBrokers
    ? `load${Date.now().toString(36)}${randomBytes(2).toString('hex')}.`
    : undefined;
  const platform = await startPlatformWithEvents({
    jwtSecret: randomBytes(32).toString('base64url'),
    logLevel: process.env.LOG_LEVEL ?? 'silent',
    databaseUrl: scratch?.url,
    kafkaBrokers: options.kafkaBrokers,
    eventNamespace: namespace,
  });
  try {
    await platform.events.ready();
    log(
      `load: ${options.durationSeconds} s at ${rate} sessions/s (open model) against the reference on ` +
        `${scratch ? `PostgreSQL (scratch database on ${new URL(serverUrl!).host})` : 'embedded PGlite'} + ` +
        `${options.kafkaBrokers ? `Apache Kafka ${options.kafkaBrokers} (topics ${namespace}*)` : 'the embedded broker'}` +
        `${cluster ? `, PostgreSQL restarted at ${Math.round(options.durationSeconds / 3)} s` : ''}; Node ${process.version}`,
    );

    const stats = new LoadStats();
    const accepted: Accepted = {
      users: new Set(),
      chats: new Set(),
      posts: new Set(),
      messages: new Set(),
      keyedMessages: new Map(),
      replays: 0,
      replayMismatches: [],
    };
    const load = workload(apiClient(`${platform.baseUrl}/api`, stats), accepted);
    await load.seed(10, 5);
    stats.reset();

    let restart: Promise<void> | undefined;
    let restartEndedAt = Infinity;
    const t0 = performance.now();
    const arrivals = await runArrivals({
      ratePerSecond: rate,
      durationMs,
      maxInFlight: 256,
      signal: options.signal,
      session: () => load.session(),
      at: cluster && {
        ms: durationMs / 3,
        run: () => {
          const downSeconds = options.faultDownSeconds ?? 3;
          log(
            `fault: restarting PostgreSQL (down ${downSeconds} s) at ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          );
          restart = cluster.restart(downSeconds).then((output) => {
            restartEndedAt = Date.now();
            log(`fault: PostgreSQL back at ${((performance.now() - t0) / 1000).toFixed(1)} s\n${output}`);
          });
        },
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    await restart;

    log(stats.table(seconds));
    log(
      `throughput: ${(stats.total / seconds).toFixed(1)} req/s (${stats.total} requests in ${seconds.toFixed(1)} s); ` +
        `sessions started ${arrivals.started}, dropped ${arrivals.dropped} (more than 256 in flight)`,
    );

    const answers = answerInvariants(stats.outcomes, Boolean(cluster));
    const invariants = [...answers.invariants];
    if (cluster) {
      const ms = answers.unavailable.map((o) => o.ms).sort((a, b) => a - b);
      const at = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0).toFixed(0);
      invariants.push({
        name: 'requests during the outage answered 503 (no hang)',
        ok: ms.length > 0,
        detail: `${ms.length} × 503 in p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, slowest ${at(1)} ms`,
      });
      const after = stats.outcomes.filter((o) => o.at > restartEndedAt);
      const okAfter = after.filter((o) => o.status >= 200 && o.status < 300).length;
      invariants.push({
        name: 'recovered by itself',
        ok: okAfter > 0,
        detail: `${okAfter} of ${after.length} requests sent after the restart answered 2xx`,
      });
    }
    const stored = await storedInvariants(platform.db, accepted, cluster ? 120_000 : 60_000);
    invariants.push(...stored.invariants);

    for (const i of invariants) log(`  ${i.ok ? 'ok  ' : 'FAIL'} ${i.name}: ${i.detail}`);
    const failed = invariants.filter((i) => !i.ok);
    log(`errors=${answers.errors}`);
    log(
      `invariants: ${failed.length === 0 ? `all ${invariants.length} hold` : `${failed.length} of ${invariants.length} FAILED (${failed.map((i) => i.name).join('; ')})`}`,
    );
    return {
      ok: failed.length === 0,
      errors: answers.errors,
      requests: stats.total,
      invariants,
      unavailable: answers.unavailable.length,
    };
  } finally {
    await platform.close();
    await scratch?.drop();
    if (namespace) await dropTopics(options.kafkaBrokers!, namespace);
    if (cluster) log(await cluster.stop());
  }
}

/** Removes the run's own topics and consumer groups (all under its prefix) from a shared Kafka. */
async function dropTopics(brokers: string, prefix: string): Promise<void> {
  const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups);
  } finally {
    await admin.disconnect();
  }
}
