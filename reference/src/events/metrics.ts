import { Counter, Gauge, type Registry } from 'prom-client';

/** The event side's metrics, registered in the platform's registry (served at /metrics with the HTTP ones). */
export interface EventMetrics {
  processed: Counter<'group' | 'topic'>;
  duplicatesSkipped: Counter<'group' | 'topic'>;
  retried: Counter<'group' | 'topic'>;
  deadLettered: Counter<'group' | 'topic' | 'reason'>;
  commitFailures: Counter<'group'>;
  consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  consumerUp: Gauge<'group'>;
  consumerCrashes: Counter<'group' | 'restart'>;
  outboxBacklog: Gauge;
  outboxPublished: Counter;
  outboxPublishFailures: Counter;
}

export function createEventMetrics(registry: Registry): EventMetrics {
  const registers = [registry];
  const existing = registry.getSingleMetric('events_processed_total');
  if (existing) throw new Error('event metrics are already registered in this registry');
  return {
    processed: new Counter({
      name: 'events_processed_total',
      help: 'Events whose effect was applied',
      labelNames: ['group', 'topic'],
      registers,
    }),
    duplicatesSkipped: new Counter({
      name: 'events_duplicates_skipped_total',
      help: 'Deliveries skipped because the inbox already had their ce_id',
      labelNames: ['group', 'topic'],
      registers,
    }),
    retried: new Counter({
      name: 'events_retried_total',
      help: 'Records sent to a retry topic',
      labelNames: ['group', 'topic'],
      registers,
    }),
    deadLettered: new Counter({
      name: 'events_dead_lettered_total',
      help: 'Records sent to the dead-letter topic, by dlq-reason',
      labelNames: ['group', 'topic', 'reason'],
      registers,
    }),
    commitFailures: new Counter({
      name: 'events_commit_failures_total',
      help: 'Failed offset commit attempts (each is retried)',
      labelNames: ['group'],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'events_consumer_lag',
      help: 'Records between the last processed offset and the high watermark, per partition',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    }),
    consumerUp: new Gauge({
      name: 'events_consumer_up',
      help: '1 while the group member is joined and running',
      labelNames: ['group'],
      registers,
    }),
    consumerCrashes: new Counter({
      name: 'events_consumer_crashes_total',
      help: 'Consumer crashes, by who restarts it (kafkajs for retriable errors, the event side otherwise)',
      labelNames: ['group', 'restart'],
      registers,
    }),
    outboxBacklog: new Gauge({ name: 'events_outbox_backlog', help: 'Outbox rows not yet published', registers }),
    outboxPublished: new Counter({
      name: 'events_outbox_published_total',
      help: 'Outbox rows published to Kafka',
      registers,
    }),
    outboxPublishFailures: new Counter({
      name: 'events_outbox_publish_failures_total',
      help: 'Failed relay publish attempts',
      registers,
    }),
  };
}
