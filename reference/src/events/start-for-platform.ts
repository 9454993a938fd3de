import { startBroker, type BrokerHandle } from '@socialnet/broker';
import type { Database } from '../shared/db/queryable.ts';
import type { Logger } from '../shared/observability/logger.ts';
import type { Registry } from 'prom-client';
import { startEventSide, type EventSide, type EventSideOptions } from './index.ts';

export interface PlatformEventsOptions extends Partial<EventSideOptions> {
  db: Database;
  logger: Logger;
  registry: Registry;
  /** `KAFKA_BROKERS` (comma-separated); when absent, the embedded broker is started in this process. */
  kafkaBrokers?: string;
  /** The embedded broker's data directory (it then survives a restart); in memory when absent. */
  brokerDataDir?: string;
  /** The embedded broker's port (default 0: a free one). */
  brokerPort?: number;
}

/**
 * The platform's one call for its event side: real Kafka when `KAFKA_BROKERS` is given, otherwise the embedded broker
 * (the default, like PGlite for the database). Hand `readiness` to startPlatform's `readiness` option; `close` stops
 * the consumers (finishing and committing their work), the relay, and the embedded broker if one was started.
 */
export async function startPlatformEvents(options: PlatformEventsOptions): Promise<EventSide & { brokers: string[] }> {
  let broker: BrokerHandle | undefined;
  let brokers = options.kafkaBrokers?.split(',').map((b) => b.trim()).filter(Boolean) ?? [];
  if (brokers.length === 0) {
    broker = await startBroker({ port: options.brokerPort ?? 0, dataDir: options.brokerDataDir, initialRebalanceDelayMs: 0 });
    brokers = [broker.brokers];
    options.logger.info({ brokers: broker.brokers, dataDir: options.brokerDataDir ?? null }, 'embedded Kafka-wire broker started (KAFKA_BROKERS unset)');
  }
  try {
    const side = await startEventSide({ ...options, brokers });
    return {
      ...side,
      brokers,
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
