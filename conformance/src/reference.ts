import { randomBytes } from 'node:crypto';
import type { Target } from './engine/target.ts';

export interface StartedReference {
  target: Target;
  jwtSecret: string;
  /** The embedded broker the reference's event side runs on: the event checks use it when --kafka-brokers is absent. */
  kafkaBrokers: string[];
  close(): Promise<void>;
}

export interface ReferenceOptions {
  split?: boolean;
  /** A PlatformVariant of the reference (defect fixtures). */
  variant?: unknown;
  jwtSecret?: string;
  /** Dependencies the services call at these URLs instead of their own (recording doubles), by service name. */
  serviceUrls?: Record<string, string>;
}

/**
 * Starts the reference implementation on its embedded defaults (PGlite, local media), for `conformance run` with
 * no target and for `conformance prove`. The reference is loaded only here, and only when asked for: the suite
 * itself knows nothing about it.
 */
export async function startReference(options: ReferenceOptions = {}): Promise<StartedReference> {
  const specifier = '@socialnet/reference';
  let mod: any;
  try {
    mod = await import(specifier);
  } catch (error) {
    throw new Error(
      `no target given and the reference implementation cannot be loaded (${(error as Error).message}); pass --base-url or --service`,
    );
  }
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('base64url');
  // The event side too (outbox relay and consumers, on the embedded broker): without it no post reaches a feed.
  const platform = await mod.startPlatformWithEvents({
    jwtSecret,
    split: options.split,
    variant: options.variant,
    serviceUrls: options.serviceUrls,
    logLevel: 'silent',
  });
  await platform.events.ready();
  const target: Target = options.split
    ? { services: { ...platform.services } }
    : { baseUrl: `${platform.baseUrl}`, services: {} };
  return { target, jwtSecret, kafkaBrokers: platform.kafkaBrokers, close: () => platform.close() };
}

/** The reference, started once, against which variants of one service are started beside it (mutation analysis). */
export interface ReferenceHost {
  /** The unmutated reference (gateway, every service, event side on its embedded broker). */
  base: StartedReference;
  /**
   * Starts `service` alone as the variant shapes it, on the base's database, calling the base's other services; the
   * target is the base with that service's URL replaced. Close it when done; several may run at once.
   */
  startService(service: string, variant: unknown): Promise<StartedReference>;
  close(): Promise<void>;
}

/**
 * Compiling every service's OpenAPI validators is most of a reference's start-up (ajv, ~4 s of CPU). A mutant
 * changes one service, so the host starts the whole reference once and each mutant's service beside it.
 */
export async function openReferenceHost(): Promise<ReferenceHost> {
  const ref: any = await import('@socialnet/reference');
  const jwtSecret = randomBytes(32).toString('base64url');
  const platform = await ref.startPlatformWithEvents({ jwtSecret, logLevel: 'silent' });
  await platform.events.ready();
  // every service at its own URL, so operations the gateway does not route (x-gateway: false) are judged too
  const base: StartedReference = {
    target: { baseUrl: `${platform.baseUrl}`, services: { ...platform.services } },
    jwtSecret,
    kafkaBrokers: platform.kafkaBrokers,
    close: () => platform.close(),
  };
  return {
    base,
    async startService(service, variant) {
      const others = Object.fromEntries(Object.entries<string>(platform.services).filter(([name]) => name !== service));
      const mutant = await ref.startPlatform({
        jwtSecret,
        variant,
        db: platform.db,
        services: [service],
        serviceUrls: others,
        logLevel: 'silent',
      });
      return {
        target: {
          baseUrl: base.target.baseUrl,
          services: { ...platform.services, [service]: mutant.services[service] },
        },
        jwtSecret,
        kafkaBrokers: base.kafkaBrokers,
        close: () => mutant.close(),
      };
    },
    close: () => base.close(),
  };
}
