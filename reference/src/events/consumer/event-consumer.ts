import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from '../../shared/observability/logger.ts';
import { commitWithRetry } from './commit-with-retry.ts';
import { notBefore } from './failure-headers.ts';
import { processRecords, type RecordProcessor } from './process-records.ts';

export interface EventConsumerOptions {
  kafka: Kafka;
  processor: RecordProcessor;
  logger: Logger;
  /** Records handled per transaction and per commit (default 1000). */
  chunkSize?: number;
  /** Partitions processed at once (default: the topic's partition count). */
  concurrency?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Delay before re-creating a consumer that kafkajs gave up on. */
  restartDelayMs?: number;
  /** kafkajs retries of a failing fetch or join before it crashes the consumer (default 8). */
  retries?: number;
}

/**
 * One consumer group member reading the main topic and its retry topics (one kafkajs consumer, so the stock
 * assigner sees the same subscription on every member). Retry partitions whose head is not yet due are paused, not
 * slept on, so they never hold up the main topic. Offsets are committed per chunk, after the chunk's effects.
 * A member kafkajs cannot restart is re-created; `isUp()` is false from a crash until the next join, so readiness
 * reports it instead of hiding a dead loop.
 */
export class EventConsumer {
  private consumer: Consumer | undefined;
  private up = false;
  private stopping = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: EventConsumerOptions) {}

  get group(): string {
    return this.options.processor.binding.group;
  }

  isUp(): boolean {
    return this.up && !this.stopping;
  }

  async start(): Promise<void> {
    const { kafka, processor, sessionTimeoutMs = 30000, heartbeatIntervalMs = 3000 } = this.options;
    const { binding } = processor;
    const consumer = kafka.consumer({
      groupId: binding.group,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: heartbeatIntervalMs,
      rebalanceTimeout: Math.max(sessionTimeoutMs, 10000),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
      retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: this.options.retries ?? 8 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => this.setUp(true));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.setUp(false);
      processor.metrics.consumerCrashes.inc({ group: this.group, restart: payload.restart ? 'kafkajs' : 'event-side' });
      this.options.logger.error(
        { group: this.group, err: payload.error, restart: payload.restart },
        'event consumer crashed',
      );
      if (!payload.restart && !this.stopping) this.later(() => this.restart(), this.options.restartDelayMs ?? 1000);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [binding.topic, ...binding.retryTopics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? binding.partitions,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Finishes the chunk in flight, commits it, leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.consumer?.disconnect();
    this.setUp(false);
  }

  private setUp(value: boolean): void {
    this.up = value;
    this.options.processor.metrics.consumerUp.set({ group: this.group }, value ? 1 : 0);
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.consumer?.disconnect().catch(() => undefined);
      await this.start();
    } catch (error) {
      this.options.logger.error({ group: this.group, err: error }, 'event consumer restart failed; retrying');
      this.later(() => this.restart(), this.options.restartDelayMs ?? 1000);
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, pause, commitOffsetsIfNecessary } = payload;
    const { processor } = this.options;
    const { topic, partition } = batch;
    const isRetryTopic = topic !== processor.binding.topic;
    const chunkSize = this.options.chunkSize ?? 1000;
    let index = 0;
    while (index < batch.messages.length && isRunning() && !isStale()) {
      let chunk = batch.messages.slice(index, index + chunkSize);
      if (isRetryTopic) chunk = this.dueRecords(chunk, processor.now());
      if (chunk.length === 0) {
        const resume = pause();
        const wait = notBefore(batch.messages[index]!) - processor.now();
        this.later(resume, Math.min(Math.max(wait, 10), 60000));
        return;
      }
      await processRecords(processor, topic, partition, chunk);
      const last = chunk[chunk.length - 1]!.offset;
      resolveOffset(last);
      const next = (BigInt(last) + 1n).toString();
      await commitWithRetry(
        () => commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next }] }] }),
        {
          stillOwned: () => isRunning() && !isStale(),
          onFailure: (error) => {
            processor.metrics.commitFailures.inc({ group: this.group });
            this.options.logger.warn({ group: this.group, topic, partition, err: error }, 'offset commit failed');
          },
        },
      );
      processor.metrics.consumerLag.set(
        { group: this.group, topic, partition: String(partition) },
        Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(next))),
      );
      index += chunk.length;
      await heartbeat();
    }
  }

  /** The leading records whose retry-not-before has passed (records after a not-yet-due one wait with it). */
  private dueRecords(records: KafkaMessage[], now: number): KafkaMessage[] {
    const firstNotDue = records.findIndex((r) => notBefore(r) > now);
    return firstNotDue === -1 ? records : records.slice(0, firstNotDue);
  }
}
