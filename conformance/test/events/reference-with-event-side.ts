import { randomBytes } from 'node:crypto';
import { startBroker, type BrokerHandle } from '@socialnet/broker';
import {
  startEventSide,
  startPlatform,
  type ConsumerStepsWrapper,
  type EventSide,
  type Platform,
} from '@socialnet/reference';
import { Registry } from 'prom-client';
import type { Target } from '../../src/engine/target.ts';

/**
 * The reference's HTTP platform (PGlite) on one broker (embedded, or real Kafka), with an event side (outbox relay + consumers) that
 * can be swapped for one with the original's consumer defects while the platform keeps running.
 */
export class ReferenceWithEventSide {
  readonly jwtSecret = randomBytes(32).toString('base64url');
  private broker?: BrokerHandle;
  private external?: string[];
  private platform?: Platform;
  private side?: EventSide;

  get target(): Target {
    return { baseUrl: this.platform!.baseUrl, services: {} };
  }

  get brokers(): string[] {
    return this.external ?? [this.broker!.brokers];
  }

  /** On `brokers` (real Kafka), else on an embedded broker started here. */
  async start(brokers?: string[]): Promise<void> {
    if (brokers) this.external = brokers;
    else this.broker = await startBroker({ port: 0, initialRebalanceDelayMs: 0 });
    this.platform = await startPlatform({ jwtSecret: this.jwtSecret, logLevel: 'silent' });
  }

  /** Replaces the running event side; `consumers` wraps its consumers' steps (a variant's hook, e.g. D1's). */
  async useEventSide(consumers?: ConsumerStepsWrapper): Promise<void> {
    await this.side?.close();
    const p = this.platform!;
    this.side = await startEventSide({
      db: p.db,
      brokers: this.brokers,
      logger: p.log,
      registry: new Registry(),
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 500,
      relayMaxBackoffMs: 200,
      consumerSteps: consumers,
    });
    await this.side.ready();
  }

  async close(): Promise<void> {
    await this.side?.close();
    await this.platform?.close();
    await this.broker?.close();
  }
}
