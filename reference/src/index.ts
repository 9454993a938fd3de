/** The reference implementation's public surface: start the platform, shape it with a variant, mint test tokens. */
export { startPlatform, migrateAll, type Platform, type PlatformOptions } from './platform/platform.ts';
export { startPlatformWithEvents, type PlatformWithEvents, type PlatformWithEventsOptions } from './platform/with-events.ts';
export { dropAuthz, makePublic, type PlatformVariant } from './platform/variant.ts';
export type { ConsumerName, ConsumerSteps, ConsumerStepsWrapper, FailedDelivery, ReceivedEvent } from './events/consumer/consumer-steps.ts';
export { SERVICE_NAMES, type ServiceName } from './platform/service-names.ts';
export { ALL_SERVICES } from './platform/services.ts';
export { mintHomemadeToken, homemadeTokenAuthenticator } from './shared/auth/homemade-token.ts';
export { jwtAuthenticator, JWT_POLICY } from './shared/auth/verify-jwt.ts';
export { issueJwt } from './shared/auth/issue-jwt.ts';
export { openDatabase } from './shared/db/open-database.ts';
export type { Database, Queryable } from './shared/db/queryable.ts';
export { enqueueEvent, type OutboxEvent } from './shared/outbox/enqueue.ts';
export type { ReadinessCheck } from './shared/observability/readiness.ts';
