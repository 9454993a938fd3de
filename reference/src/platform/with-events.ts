import { parseBrokerList, startEventSide, type EventSide } from '../events/index.ts';
import { startFeedFanout } from '../services/feed/fanout/start.ts';
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
 * same database. Once the event side runs, its readiness joins every /readyz, so a dead consumer makes the platform
 * unready.
 */
export async function startPlatformWithEvents(options: PlatformWithEventsOptions): Promise<PlatformWithEvents> {
  const platform = await startPlatform(options);
  let events: EventSide;
  try {
    events = await startEventSide({
      db: platform.db,
      logger: platform.log,
      registry: platform.metrics.registry,
      brokers: parseBrokerList(options.kafkaBrokers),
      brokerDataDir: options.brokerDataDir,
      namespace: options.eventNamespace,
      consumerSteps: options.variant?.consumers,
    });
  } catch (error) {
    await platform.close();
    throw error;
  }
  // the feed's fan-out on write (FEED_STRATEGY=hybrid queues work for it; idle otherwise)
  let fanout: Awaited<ReturnType<typeof startFeedFanout>>;
  try {
    fanout = await startFeedFanout({
      db: platform.db,
      usersUrl: () => options.serviceUrls?.users ?? platform.services.users,
      jwtSecret: options.jwtSecret,
      log: platform.log,
    });
  } catch (error) {
    await events.close();
    await platform.close();
    throw error;
  }
  platform.addReadiness(events.readiness);
  return {
    ...platform,
    kafkaBrokers: events.brokers,
    events,
    async close() {
      await events.close();
      await fanout.close();
      await platform.close();
    },
  };
}
