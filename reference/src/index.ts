/**
 * The reference implementation's public surface: start the platform and its event side, shape it with a variant (and
 * the pieces a variant's handlers build on), mint test tokens. Tests and conformance import only this.
 */
export { startPlatform, migrateAll, type Platform, type PlatformOptions } from './platform/platform.ts';
export {
  startPlatformWithEvents,
  type PlatformWithEvents,
  type PlatformWithEventsOptions,
} from './platform/with-events.ts';
export { dropAuthz, makePublic, type PlatformVariant } from './platform/variant.ts';
export type {
  ConsumerName,
  ConsumerSteps,
  ConsumerStepsWrapper,
  FailedDelivery,
  ReceivedEvent,
} from './events/consumer/consumer-steps.ts';
export { SERVICE_NAMES, type ServiceName } from './platform/service-names.ts';
export { ALL_SERVICES } from './platform/services.ts';
export { InvalidTokenError, type Authenticator, type Principal } from './shared/auth/principal.ts';
export { jwtAuthenticator, JWT_POLICY } from './shared/auth/verify-jwt.ts';
export { issueJwt } from './shared/auth/issue-jwt.ts';
export { openDatabase } from './shared/db/open-database.ts';
export type { Database, Queryable } from './shared/db/queryable.ts';
export { enqueueEvent, type OutboxEvent } from './shared/outbox/enqueue.ts';
export type { ReadinessCheck } from './shared/observability/readiness.ts';

// the event side (outbox relay, consumers) on its own, for tests that swap it while the HTTP platform runs
export {
  startEventSide,
  parseBrokerList,
  type EventSide,
  type EventSideOptions,
  type EventHandler,
} from './events/index.ts';
export { migrateEvents } from './events/migrate-events.ts';

// what a variant's handlers build on (D6 and the feed facets replace the home feed's handlers)
export type { Handler } from './platform/service-module.ts';
export type { PlatformDeps } from './platform/deps.ts';
export { caller } from './shared/http/handler-types.ts';
export { findOperation } from './shared/spec/load-spec.ts';
export { decodeCursor, encodeCursor, page } from './shared/http/pagination.ts';
export { homeAuthors } from './services/feed/followees.ts';
export { timelinePage } from './services/feed/handlers/timeline-page.ts';
export {
  feedEntry,
  timelinesRepo,
  type TimelineCursor,
  type TimelineRow,
} from './services/feed/repositories/timelines.ts';

// what the consumer-driven contract tests (pact/) exercise: one service alone, the services' calls to each other with
// their dependencies, the records the producers write and the consumers' processing of them
export { startSingleService } from './platform/single-service.ts';
export { forwardsBearer } from './platform/variant.ts';
export type { HandlerContext } from './shared/http/handler-types.ts';
export { createServiceClient } from './shared/http/service-client.ts';
export { createLogger } from './shared/observability/logger.ts';
export type { UploadedFile } from './shared/idempotency/fingerprint.ts';
export { uploadToMedia } from './services/media/client.ts';
export { postCreatedEvent } from './services/posts/post-created-event.ts';
export { messageCreatedEvent } from './services/chats/message-created-event.ts';
export { outboxRecord } from './events/outbox/outbox-relay.ts';
export { consumeWithoutKafka, type ConsumeWithoutKafkaOptions } from './events/consume-without-kafka.ts';
