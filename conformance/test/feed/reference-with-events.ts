import { randomBytes } from 'node:crypto';
import { startBroker } from '@socialnet/broker';
import { ALL_SERVICES, startPlatform, type PlatformVariant } from '@socialnet/reference';
import { Registry } from 'prom-client';
// The event side is not part of the reference's package surface yet (see the report on review defect 6).
import { startEventSide } from '../../../reference/src/events/index.ts';
import type { Handler } from '../../../reference/src/platform/service-module.ts';
import type { Target } from '../../src/engine/target.ts';

/** The seam the D6 fixtures need and PlatformVariant lacks: a service's handlers replaced by operationId. */
export interface HandlerOverrides {
  handlers?: { feed?: Record<string, Handler> };
}

export type FeedVariant = PlatformVariant & HandlerOverrides;

export interface RunningReference {
  target: Target;
  jwtSecret: string;
  close(): Promise<void>;
}

/**
 * Stand-in for the missing seam, for this test process only: the feed module's handlers are swapped while the
 * platform builds its apps (handlers are bound then) and restored right after. Delete once the reference reads
 * `variant.handlers` itself.
 */
async function withFeedHandlers<T>(overrides: Record<string, Handler> | undefined, build: () => Promise<T>): Promise<T> {
  const feed = ALL_SERVICES.find((m) => m.name === 'feed')!;
  const own = feed.handlers;
  if (overrides) feed.handlers = { ...own, ...overrides };
  try {
    return await build();
  } finally {
    feed.handlers = own;
  }
}

/**
 * The reference as a deployment runs it: HTTP platform (PGlite) plus its event side (outbox relay and the
 * posts.created consumer that fills the feed) on the embedded broker. The suite's own `startReference` starts
 * the HTTP side only, so no post would ever reach a feed.
 */
export async function startReferenceWithEvents(variant: FeedVariant = {}): Promise<RunningReference> {
  const jwtSecret = randomBytes(32).toString('base64url');
  const broker = await startBroker({ port: 0, initialRebalanceDelayMs: 0 });
  const platform = await withFeedHandlers(variant.handlers?.feed, () => startPlatform({ jwtSecret, logLevel: 'silent', variant }));
  const side = await startEventSide({ db: platform.db, brokers: [broker.brokers], logger: platform.log, registry: new Registry(), sessionTimeoutMs: 10000, heartbeatIntervalMs: 500 });
  await side.ready();
  return {
    target: { baseUrl: platform.baseUrl, services: {} },
    jwtSecret,
    async close() {
      await side.close();
      await platform.close();
      await broker.close();
    },
  };
}
