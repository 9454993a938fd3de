// Good documents that every socialnet rule accepts, and the modifier helper the tests use to make one defect each.
import { PROBLEM_REF } from './tester.ts';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
});
const unauthorized = {
  ...problem('missing or invalid token'),
  headers: { 'WWW-Authenticate': { schema: { type: 'string', maxLength: 200 } } },
};

/** An OpenAPI 3.0.3 service document with a public operation, a secured one and a retryable one; lints clean. */
export function goodOpenApi() {
  return {
    openapi: '3.0.3',
    info: { title: 'chats', version: '1.0.0', 'x-service': 'chats', 'x-gateway-prefix': '/api' },
    paths: {
      '/health': {
        get: {
          operationId: 'getHealth',
          tags: ['chats'],
          security: [],
          'x-public': { reason: 'liveness probes run without a token' },
          responses: { '200': { description: 'ok' } },
        },
      },
      '/chats/{chat_id}/messages': {
        parameters: [
          { name: 'chat_id', in: 'path', required: true, schema: { type: 'integer', format: 'int64', minimum: 1 } },
        ],
        post: {
          operationId: 'sendMessage',
          tags: ['chats'],
          security: [{ bearerAuth: [] }],
          'x-authz': [
            {
              rule: 'chat-member',
              resource: { in: 'path', name: 'chat_id' },
              deny: 404,
              clause: 'SN-AUTHZ-CHAT-MEMBER',
              why: 'chat ids are sequential; 404 does not confirm that a chat exists',
            },
          ],
          'x-idempotency': { header: 'Idempotency-Key', scope: 'caller', ttl: 'PT24H', required: false },
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', properties: { text: { type: 'string', maxLength: 4096 } } },
              },
            },
          },
          responses: {
            '201': { description: 'sent' },
            '400': problem('invalid input'),
            '401': unauthorized,
            '404': problem('no such chat, or not a member'),
            '409': problem('a request with this key is in flight'),
            '422': problem('key reused with another body'),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

export type OpenApiDoc = ReturnType<typeof goodOpenApi>;
/** Operations as the tests edit them: free-form, since each test breaks the document in its own way. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditableOperation = Record<string, any>;

/** A good document with one change applied to a fresh copy. */
export function withChange(
  change: (doc: OpenApiDoc, send: EditableOperation, health: EditableOperation) => void,
): OpenApiDoc {
  const doc = goodOpenApi();
  change(doc, doc.paths['/chats/{chat_id}/messages'].post, doc.paths['/health'].get);
  return doc;
}

/** An AsyncAPI 3 document with one consumer, its retry level and its dead-letter topic; lints clean. */
export function goodAsyncApi() {
  const channel = (address: string) => ({ address, messages: { m: { payload: { type: 'object' } } } });
  return {
    asyncapi: '3.0.0',
    info: { title: 'posts events', version: '1.0.0' },
    channels: {
      postsCreated: channel('posts.created'),
      feedPostsCreatedRetry1: channel('feed-service.posts.created.retry.1'),
      feedPostsCreatedDlq: channel('feed-service.posts.created.dlq'),
    },
    operations: {
      receivePostCreated: {
        action: 'receive',
        channel: { $ref: '#/channels/postsCreated' },
        'x-consumer': {
          group: 'feed-service',
          retry: { channels: ['feedPostsCreatedRetry1'] },
          dlq: { channel: 'feedPostsCreatedDlq' },
        },
      },
      sendPostCreatedRetry1: { action: 'send', channel: { $ref: '#/channels/feedPostsCreatedRetry1' } },
      receivePostCreatedRetry1: { action: 'receive', channel: { $ref: '#/channels/feedPostsCreatedRetry1' } },
      sendPostCreatedDeadLetter: { action: 'send', channel: { $ref: '#/channels/feedPostsCreatedDlq' } },
    },
  };
}
