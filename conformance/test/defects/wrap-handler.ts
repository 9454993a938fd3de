import { ALL_SERVICES, type PlatformVariant, type ServiceName } from '@socialnet/reference';

type Handlers = NonNullable<PlatformVariant['handlers']>;
export type Handler = NonNullable<NonNullable<Handlers[ServiceName]>[string]>;

/** The reference's own handler of an operation (from its public service list), to wrap in a mutation fixture. */
export function referenceHandler(service: ServiceName, operationId: string): Handler {
  const handler = ALL_SERVICES.find((s) => s.name === service)?.handlers[operationId];
  if (!handler) throw new Error(`the reference has no handler ${service}.${operationId}`);
  return handler;
}

/** `handlers` for a variant: one operation's handler replaced by a wrapper around the reference's own. */
export function wrapHandler(service: ServiceName, operationId: string, wrap: (original: Handler) => Handler): Handlers {
  return { [service]: { [operationId]: wrap(referenceHandler(service, operationId)) } };
}
