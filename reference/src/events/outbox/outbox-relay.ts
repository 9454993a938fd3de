import type { Producer, TopicMessages } from 'kafkajs';
import type { Database } from '../../shared/db/queryable.ts';
import type { Logger } from '../../shared/observability/logger.ts';
import { envelopeHeaders } from '../envelope.ts';
import type { EventMetrics } from '../metrics.ts';

export interface OutboxRelayOptions {
  db: Database;
  producer: Producer;
  metrics: EventMetrics;
  logger: Logger;
  /** Maps the outbox's topic (the spec's name) to the topic on the broker (a namespace in tests). */
  topicFor?: (topic: string) => string;
  /** ce_source per spec topic, for rows whose headers do not carry one. */
  sourceFor?: (topic: string) => string | undefined;
  batchSize?: number;
  /**
   * Poll interval when the outbox is empty (default 1 s while the relay LISTENs for the outbox trigger's NOTIFY,
   * 50 ms when it could not); a commit that wrote to the outbox, or `notify()`, wakes the relay sooner.
   */
  idleIntervalMs?: number;
  /** Backoff after a failure doubles from 100 ms up to this (the bound on the delay after Kafka returns). */
  maxBackoffMs?: number;
}

export interface OutboxRow {
  id: number;
  event_id: string;
  topic: string;
  key: string;
  event_type: string;
  payload: unknown;
  headers: Record<string, string> | string;
  created_at: Date | string;
}

/**
 * The Kafka record of one outbox row: the key, the JSON payload as the value, and the CloudEvents headers
 * (specs/asyncapi/components/envelope.yaml) with `ce_id` = the row's event id. The message pacts' provider side is
 * verified against what this returns (pact/test/providers).
 */
export function outboxRecord(
  row: Omit<OutboxRow, 'id'>,
  sourceFor: (topic: string) => string | undefined = () => undefined,
): { key: string; value: string; headers: Record<string, string> } {
  const extra = typeof row.headers === 'string' ? (JSON.parse(row.headers) as Record<string, string>) : row.headers;
  const { ce_source: source = sourceFor(row.topic) ?? '/socialnet/unknown', ...rest } = extra;
  const headers = {
    ...rest,
    ...envelopeHeaders({
      id: row.event_id,
      type: row.event_type,
      source,
      time: new Date(row.created_at).toISOString(),
      subject: row.key,
    }),
  };
  const value = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
  return { key: row.key, value, headers };
}

/** The channel the outbox table's trigger notifies (reference/src/shared/db/migrations/0003_outbox_notify.sql). */
export const OUTBOX_CHANNEL = 'socialnet_outbox';

/**
 * Publishes outbox rows in id order with the idempotent producer (acks=all) and marks them published only after
 * Kafka acknowledged them (SN-EVENTS-OUTBOX). While Kafka is down it retries with capped exponential backoff, so an
 * event is published at most `maxBackoffMs` (plus one send) after Kafka is back. A crash between the send and the
 * update republishes the rows; consumers deduplicate on ce_id.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private wakeForStop: (() => void) | undefined;
  private consecutiveFailures = 0;

  private notified = false;
  private backlogMeasuredAt = 0;
  private listening: Promise<(() => Promise<void>) | undefined> = Promise.resolve(undefined);
  private listeningForWrites = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.running = true;
    this.listening = this.options.db
      .listen(OUTBOX_CHANNEL, () => this.notify())
      .then(
        (unlisten) => {
          this.listeningForWrites = true;
          return unlisten;
        },
        (error: unknown) => {
          this.options.logger.warn(
            { err: error },
            'outbox relay: cannot LISTEN for outbox writes; polling every 50 ms',
          );
          return undefined;
        },
      );
    this.loop = this.run();
  }

  /** Wakes the relay now, unless it is backing off after a failure (the outbox trigger's NOTIFY calls this). */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /** True unless the last attempts kept failing (Kafka or the database unreachable for 5+ attempts). */
  isHealthy(): boolean {
    return this.running && this.consecutiveFailures < 5;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeForStop?.();
    await this.loop;
    await (
      await this.listening
    )?.();
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const { db, producer, batchSize = 500, topicFor = (t) => t, sourceFor = () => undefined } = this.options;
    const { rows } = await db.query<OutboxRow>(
      `SELECT id, event_id, topic, key, event_type, payload, headers, created_at
         FROM public.outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [batchSize],
    );
    if (rows.length === 0) return 0;
    const byTopic = new Map<string, TopicMessages>();
    for (const row of rows) {
      const topic = topicFor(row.topic);
      const entry = byTopic.get(topic) ?? { topic, messages: [] };
      entry.messages.push(outboxRecord(row, sourceFor));
      byTopic.set(topic, entry);
    }
    await producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
    await db.query('UPDATE public.outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [
      rows.map((r) => r.id),
    ]);
    this.options.metrics.outboxPublished.inc(rows.length);
    return rows.length;
  }

  private async run(): Promise<void> {
    const { maxBackoffMs = 2000 } = this.options;
    let backoff = 100;
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        this.consecutiveFailures = 0;
        backoff = 100;
      } catch (error) {
        this.consecutiveFailures += 1;
        this.options.metrics.outboxPublishFailures.inc();
        this.options.logger.warn(
          { err: error, attempt: this.consecutiveFailures },
          'outbox relay: publish failed, backing off',
        );
        await this.sleep(backoff, { wakeOnNotify: false }); // a write during an outage must not cut the backoff short
        backoff = Math.min(backoff * 2, maxBackoffMs);
        continue;
      } finally {
        await this.measureBacklog();
      }
      if (published < (this.options.batchSize ?? 500))
        await this.sleep(this.options.idleIntervalMs ?? (this.listeningForWrites ? 1000 : 50));
    }
  }

  /** The backlog gauge, refreshed at most once a second (a count over the partial index of unpublished rows). */
  private async measureBacklog(): Promise<void> {
    if (Date.now() - this.backlogMeasuredAt < 1000) return;
    this.backlogMeasuredAt = Date.now();
    try {
      const { rows } = await this.options.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM public.outbox WHERE published_at IS NULL',
      );
      this.options.metrics.outboxBacklog.set(rows[0]?.n ?? 0);
    } catch {
      // the database is unreachable: the publish failure is already logged and counted
    }
  }

  private sleep(ms: number, { wakeOnNotify = true } = {}): Promise<void> {
    if ((wakeOnNotify && this.notified) || !this.running) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        if (this.wakeForStop === done) this.wakeForStop = undefined;
        if (wakeOnNotify) this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeOnNotify ? done : undefined;
      this.wakeForStop = done;
    });
  }
}
