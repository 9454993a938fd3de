import type { RuleDefinition } from '@stoplight/spectral-core';
import { oas3 } from '@stoplight/spectral-formats';
import idempotencyRequired from '../functions/idempotencyRequired.ts';
import { OPERATIONS } from '../lib/operations.ts';

/**
 * The retryable unsafe operations of issue 3 / docs/spec-conventions.md ("Idempotency"): a client that times out
 * retries these, and without a key the retry creates a second message, post, upload or comment.
 */
export const RETRYABLE_OPERATIONS = [
  'sendMessage', // POST /chats/{chat_id}/messages
  'sendMessageWithUpload', // POST /chats/{chat_id}/messages/upload
  'createPost', // POST /posts
  'uploadPost', // POST /posts/upload
  'uploadMedia', // POST /media/upload
  'createComment', // POST /posts/{post_id}/comments (feedback)
];

/** Clause SN-IDEMPOTENCY-*: the retryable unsafe operations declare x-idempotency. */
export default {
  description: 'Retryable unsafe operations declare x-idempotency (Idempotency-Key).',
  message: '{{error}}',
  severity: 'error',
  formats: [oas3],
  given: OPERATIONS,
  then: { function: idempotencyRequired, functionOptions: { operationIds: RETRYABLE_OPERATIONS } },
} satisfies RuleDefinition;
