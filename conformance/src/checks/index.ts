// One import per check, sorted; registry.test.ts keeps this list, the files and docs/checks.md in step.
import type { AnyCheck } from '../engine/check.ts';
import authnAcceptsValidJwt from './authn/accepts-valid-jwt.ts';
import authnRejectsBadTokens from './authn/rejects-bad-tokens.ts';
import authzAdmin from './authz/admin.ts';
import authzCanaryLeak from './authz/canary-leak.ts';
import authzChatMembership from './authz/chat-membership.ts';
import authzChatOwner from './authz/chat-owner.ts';
import authzIdempotencyKeyScope from './authz/idempotency-key-scope.ts';
import authzMessageInChat from './authz/message-in-chat.ts';
import authzOwner from './authz/owner.ts';
import authzRefusedWriteUnchanged from './authz/refused-write-unchanged.ts';
import authzSelf from './authz/self.ts';
import contractInvalidRequests from './contract/invalid-requests.ts';
import contractProblemShape from './contract/problem-shape.ts';
import contractResponseSchema from './contract/response-schema.ts';
import contractUnknownRoute from './contract/unknown-route.ts';
import eventsConsumerIdempotency from './events/consumer-idempotency.ts';
import eventsDlq from './events/dlq.ts';
import eventsEmitted from './events/emitted.ts';
import feedCursorStable from './feed/cursor-stable.ts';
import feedExcludes from './feed/excludes.ts';
import feedOrder from './feed/order.ts';
import feedVisibleWithoutRebuild from './feed/visible-without-rebuild.ts';
import idempotencyConcurrentDuplicates from './idempotency/concurrent-duplicates.ts';
import idempotencyDifferentBodyRejected from './idempotency/different-body-rejected.ts';
import idempotencyReplaySameResponse from './idempotency/replay-same-response.ts';
import propagationCallerBearer from './propagation/caller-bearer.ts';

export const CHECKS: AnyCheck[] = [
  authnAcceptsValidJwt,
  authnRejectsBadTokens,
  authzAdmin,
  authzCanaryLeak,
  authzChatMembership,
  authzChatOwner,
  authzIdempotencyKeyScope,
  authzMessageInChat,
  authzOwner,
  authzRefusedWriteUnchanged,
  authzSelf,
  contractInvalidRequests,
  contractProblemShape,
  contractResponseSchema,
  contractUnknownRoute,
  eventsConsumerIdempotency,
  eventsDlq,
  eventsEmitted,
  feedCursorStable,
  feedExcludes,
  feedOrder,
  feedVisibleWithoutRebuild,
  idempotencyConcurrentDuplicates,
  idempotencyDifferentBodyRejected,
  idempotencyReplaySameResponse,
  propagationCallerBearer,
];
