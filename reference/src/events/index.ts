import { startBroker, type BrokerHandle } from '@socialnet/broker';
import type { Kafka, Producer } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { Database } from '../shared/db/queryable.ts';
import type { Logger } from '../shared/observability/logger.ts';
import type { ReadinessCheck } from '../shared/observability/readiness.ts';
import { EventConsumer } from './consumer/event-consumer.ts';
import type { EventHandler } from './consumer/event-handler.ts';
import type { ConsumerStepsWrapper } from './consumer/consumer-steps.ts';
import { createRecordProcessor } from './consumer/process-records.ts';
import { payloadValidator } from './consumer/payload-validator.ts';
import { createIdempotentProducer, createKafka, ensureTopics } from './kafka-client.ts';
import { createEventMetrics, type EventMetrics } from './metrics.ts';
import { migrateEvents } from './migrate-events.ts';
import { OutboxRelay } from './outbox/outbox-relay.ts';
import { defaultHandlers } from './handlers/index.ts';
import { loadEventTopology, withNamespace, type EventTopology } from './topology.ts';

export { parseBrokerList } from './broker-list.ts';
export type { EventHandler } from './consumer/event-handler.ts';
export type {
  ConsumerName,
  ConsumerSteps,
  ConsumerStepsWrapper,
  FailedDelivery,
  ReceivedEvent,
} from './consumer/consumer-steps.ts';

export interface EventSideOptions {
  db: Database;
  /** Kafka's brokers (see parseBrokerList); none: the embedded Kafka-wire broker starts in this process. */
  brokers?: string[];
  /** The embedded broker's data directory (it then survives a restart); in memory when absent. */
  brokerDataDir?: string;
  /** The embedded broker's port (default 0: a free one). */
  brokerPort?: number;
  logger: Logger;
  registry: Registry;
  /** Prefix for every topic and group (several platforms on one broker); default none. */
  namespace?: string;
  /** Overrides the spec's retry delays (tests use short ones). */
  retryDelaysMs?: number[];
  /** Effects per consumer group as the spec names it; default: the reference's notification and feed handlers. */
  handlers?: Record<string, EventHandler>;
  /** Start the outbox relay (default true). */
  relay?: boolean;
  /** Start the consumers (default true). */
  consumers?: boolean;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** kafkajs retries before a consumer crashes (default 8); a crashed consumer is restarted and fails readiness meanwhile. */
  consumerRetries?: number;
  /** The relay's cap on its backoff, i.e. the bound on the publish delay after Kafka returns (default 2000). */
  relayMaxBackoffMs?: number;
  /** Wraps or replaces each consumer's steps (inbox dedup, failure routing); a variant's hook. Default: the reference's. */
  consumerSteps?: ConsumerStepsWrapper;
}

export interface EventSide {
  /** The brokers it uses: the given ones, or the embedded broker's address. */
  brokers: string[];
  topology: EventTopology;
  metrics: EventMetrics;
  /** Wake the relay now (call after a transaction that wrote to the outbox commits). */
  notify(): void;
  /** Readiness: every consumer joined and running, and the relay not stuck failing. */
  readiness: ReadinessCheck;
  /** Resolves once every consumer has joined its group (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
  /** Stops the consumers (finishing and committing their work), the relay, and the embedded broker if one started. */
  close(): Promise<void>;
}

/**
 * The one way to start the event side: on the given brokers, or on the embedded broker (the default, like PGlite for
 * the database), the outbox relay and one consumer per group the AsyncAPI documents define. The whole platform
 * (`startPlatformWithEvents`) registers its `readiness` with the HTTP platform once it exists.
 */
export async function startEventSide(options: EventSideOptions): Promise<EventSide> {
  let broker: BrokerHandle | undefined;
  let brokers = options.brokers ?? [];
  if (brokers.length === 0) {
    broker = await startBroker({
      port: options.brokerPort ?? 0,
      dataDir: options.brokerDataDir,
      initialRebalanceDelayMs: 0,
    });
    brokers = [broker.brokers];
    options.logger.info(
      { brokers: broker.brokers, dataDir: options.brokerDataDir ?? null },
      'embedded Kafka-wire broker started (KAFKA_BROKERS unset)',
    );
  }
  try {
    const side = await startOnBrokers(options, brokers);
    return {
      ...side,
      async close() {
        await side.close();
        await broker?.close();
      },
    };
  } catch (error) {
    await broker?.close();
    throw error;
  }
}

async function startOnBrokers(options: EventSideOptions, brokers: string[]): Promise<EventSide> {
  const { db, logger, registry } = options;
  const specTopology = loadEventTopology();
  const topology = withNamespace(specTopology, options.namespace ?? '');
  if (options.retryDelaysMs) {
    for (const c of topology.consumed)
      c.retryDelaysMs = c.retryTopics.map(
        (_, i) => options.retryDelaysMs![Math.min(i, options.retryDelaysMs!.length - 1)]!,
      );
  }
  await migrateEvents(db);
  const metrics = createEventMetrics(registry);
  const kafka: Kafka = createKafka({ brokers });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, topology);
  } finally {
    await admin.disconnect();
  }
  const producer: Producer = createIdempotentProducer(kafka);
  await producer.connect();

  const relay = new OutboxRelay({
    db,
    producer,
    metrics,
    logger,
    topicFor: (topic) => `${options.namespace ?? ''}${topic}`,
    sourceFor: (topic) => specTopology.produced.find((p) => p.topic === topic)?.ceSource,
    maxBackoffMs: options.relayMaxBackoffMs,
  });
  if (options.relay !== false) relay.start();

  const handlers = options.handlers ?? defaultHandlers();
  const consumers: EventConsumer[] = [];
  if (options.consumers !== false) {
    topology.consumed.forEach((binding, i) => {
      const { group: specGroup, topic: specTopic } = specTopology.consumed[i]!;
      const handler = handlers[specGroup];
      if (!handler) throw new Error(`no event handler for consumer group ${specGroup}`);
      const expectedType = specTopology.produced.find((p) => p.topic === specTopic)?.ceType;
      const wrap = options.consumerSteps;
      consumers.push(
        new EventConsumer({
          kafka,
          logger,
          sessionTimeoutMs: options.sessionTimeoutMs,
          heartbeatIntervalMs: options.heartbeatIntervalMs,
          retries: options.consumerRetries,
          processor: createRecordProcessor(
            {
              binding,
              handler,
              validate: payloadValidator(binding.payloadSchema),
              expectedType,
              db,
              send: async (topic, messages) => void (await producer.send({ topic, messages, acks: -1 })),
              metrics,
              now: Date.now,
            },
            wrap && ((steps) => wrap({ group: specGroup, topic: specTopic }, steps)),
          ),
        }),
      );
    });
    for (const consumer of consumers) await consumer.start();
  }

  const problems = (): string[] => [
    ...consumers.filter((c) => !c.isUp()).map((c) => `consumer ${c.group} is not running`),
    ...(options.relay !== false && !relay.isHealthy() ? ['outbox relay keeps failing'] : []),
  ];
  return {
    brokers,
    topology,
    metrics,
    notify: () => relay.notify(),
    readiness: {
      name: 'events',
      async check() {
        const found = problems();
        if (found.length > 0) throw new Error(found.join('; '));
      },
    },
    async ready(timeoutMs = 60000) {
      const deadline = Date.now() + timeoutMs;
      while (consumers.some((c) => !c.isUp())) {
        if (Date.now() > deadline) throw new Error(`event side not ready: ${problems().join('; ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await Promise.all(consumers.map((c) => c.stop()));
      await relay.stop();
      await producer.disconnect();
    },
  };
}
