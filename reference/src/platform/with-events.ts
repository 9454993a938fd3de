import { startPlatformEvents } from '../events/start-for-platform.ts';
import type { EventSide } from '../events/index.ts';
import type { ReadinessCheck } from '../shared/observability/readiness.ts';
import { startPlatform, type Platform, type PlatformOptions } from './platform.ts';

export interface PlatformWithEventsOptions extends PlatformOptions {
  /** `KAFKA_BROKERS` (comma-separated); without it the embedded Kafka-wire broker starts in this process. */
  kafkaBrokers?: string;
  /** The embedded broker's data directory (survives a restart); in memory when absent. */
  brokerDataDir?: string;
  /** Prefix for every topic and consumer group (several platforms on one Kafka); default none. */
  eventNamespace?: string;
}

export interface PlatformWithEvents extends Platform {
  /** The brokers the event side uses: the given ones, or the embedded broker's address. */
  kafkaBrokers: string[];
  events: EventSide;
}

/**
 * The whole platform as `npm start` runs it: the HTTP services plus the event side (outbox relay, consumers) on the
 * same database. The event side's readiness joins every /readyz, so a dead consumer makes the platform unready.
 */
export async function startPlatformWithEvents(options: PlatformWithEventsOptions): Promise<PlatformWithEvents> {
  let events: EventSide | undefined;
  const eventsReady: ReadinessCheck = {
    name: 'events',
    check: async () => {
      if (!events) throw new Error('event side starting');
      await events.readiness.check();
    },
  };
  const platform = await startPlatform({ ...options, readiness: [...(options.readiness ?? []), eventsReady] });
  let side: Awaited<ReturnType<typeof startPlatformEvents>>;
  try {
    side = await startPlatformEvents({
      db: platform.db,
      logger: platform.log,
      registry: platform.metrics.registry,
      kafkaBrokers: options.kafkaBrokers,
      brokerDataDir: options.brokerDataDir,
      namespace: options.eventNamespace,
      consumerSteps: options.variant?.consumers,
    });
  } catch (error) {
    await platform.close();
    throw error;
  }
  events = side;
  return {
    ...platform,
    kafkaBrokers: side.brokers,
    events: side,
    async close() {
      await side.close();
      await platform.close();
    },
  };
}
