import { describe, expect, it } from 'vitest';
import {
  authzViolations,
  errorShapeViolations,
  IDEMPOTENT_OPERATIONS,
  idempotencyViolations,
  inputStatusViolations,
  securityViolations,
  shapeViolations,
} from './helpers/contract-checks.ts';
import { backendFor, operationsOf, rawDoc, SERVICES, type Json } from './helpers/openapi-docs.ts';

const PORTS: Record<string, number> = {
  users: 8081,
  posts: 8082,
  feed: 8083,
  feedback: 8084,
  chats: 8085,
  notifications: 8086,
  media: 8088,
};
const CHECKS = {
  securityViolations,
  authzViolations,
  errorShapeViolations,
  idempotencyViolations,
  shapeViolations,
  inputStatusViolations,
};

describe('specs > openapi > conventions (docs/spec-conventions.md)', () => {
  describe.each(SERVICES)('%s.yaml', (name) => {
    const doc = rawDoc(name);

    it.each(Object.keys(CHECKS))('%s: none', (check) => {
      expect(CHECKS[check as keyof typeof CHECKS](doc, name)).toEqual([]);
    });

    it('names its service, gateway prefix and the original default port', () => {
      expect(doc.info['x-service']).toBe(name);
      expect(doc.info['x-gateway-prefix']).toBe(name === 'feedback' ? '/api/feedback' : '/api');
      expect(doc.servers[0].url).toBe(`http://127.0.0.1:${PORTS[name]}`);
    });

    it('serves /healthz, /readyz and /metrics publicly and keeps them off the gateway', () => {
      for (const path of ['/healthz', '/readyz', '/metrics']) {
        const op = doc.paths[path]?.get;
        expect(op, path).toBeDefined();
        expect(op.security).toEqual([]);
        expect(op['x-gateway']).toBe(false);
      }
    });

    it('closes every JSON and multipart request body (additionalProperties: false)', async () => {
      const api = await backendFor(name);
      for (const { path, method, operation } of operationsOf(api.definition, name)) {
        for (const [type, media] of Object.entries<Json>(operation.requestBody?.content ?? {})) {
          if (type !== 'application/json' && type !== 'multipart/form-data') continue;
          expect(media.schema.additionalProperties, `${method} ${path} ${type}`).toBe(false);
        }
      }
    });
  });

  it('has unique operationIds across all services', () => {
    const ids = SERVICES.flatMap((name) => operationsOf(rawDoc(name), name).map((o) => o.operation.operationId));
    expect(ids.length).toBeGreaterThan(80);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('declares x-idempotency on exactly the six retryable unsafe operations', () => {
    const declared = SERVICES.flatMap((name) =>
      operationsOf(rawDoc(name), name)
        .filter((o) => o.operation['x-idempotency'])
        .map((o) => o.operation.operationId),
    );
    expect(declared.sort()).toEqual([...IDEMPOTENT_OPERATIONS].sort());
  });

  it('uses cursor pagination (limit, cursor → next_cursor) on messages, feeds and notifications', async () => {
    const cursorOps = [
      'listChatMessages',
      'getAuthorFeed',
      'getHomeFeed',
      'getCelebrityFeed',
      'listNotifications',
      'listUserNotifications',
    ];
    for (const name of SERVICES) {
      const api = await backendFor(name);
      for (const { operation } of operationsOf(api.definition, name)) {
        if (!cursorOps.includes(operation.operationId)) continue;
        const params = (operation.parameters ?? []).map((p: Json) => p.name);
        expect(params, operation.operationId).toEqual(expect.arrayContaining(['limit', 'cursor']));
        expect(params, operation.operationId).not.toContain('offset');
        const schema = operation.responses['200'].content['application/json'].schema;
        expect(schema.required, operation.operationId).toContain('next_cursor');
        expect(schema.required, operation.operationId).toContain(name === 'notifications' ? 'notifications' : 'items');
      }
    }
  });

  describe('each check fires on a broken document', () => {
    const broken = (mutate: (doc: Json) => void) => {
      const doc = structuredClone(rawDoc('chats'));
      mutate(doc);
      return doc;
    };
    it.each([
      [
        'securityViolations',
        (d: Json): unknown => delete d.paths['/messages'].post['x-authz'],
        'secured without x-authz',
      ],
      [
        'securityViolations',
        (d: Json): unknown => delete d.paths['/chats/popular'].get['x-public'],
        'public without x-public.reason',
      ],
      [
        'securityViolations',
        (d: Json): unknown => (d.paths['/chats'].get.security = [{ apiKey: [] }]),
        'security must be',
      ],
      [
        'authzViolations',
        (d: Json): unknown => delete d.paths['/chats/{chat_id}'].get.responses['404'],
        'deny 404 is not a documented response',
      ],
      [
        'errorShapeViolations',
        (d: Json): unknown =>
          (d.paths['/messages'].post.responses['404'] = { description: 'x', content: { 'application/json': {} } }),
        'not application/problem+json',
      ],
      [
        'idempotencyViolations',
        (d: Json): unknown => delete d.paths['/messages'].post['x-idempotency'],
        'x-idempotency must be',
      ],
      [
        'idempotencyViolations',
        (d: Json): unknown => (d.paths['/chats'].post['x-idempotency'] = {}),
        'outside the retryable list',
      ],
      ['shapeViolations', (d: Json): unknown => (d.paths['/chats'].post.operationId = 'Create_chat'), 'camelCase'],
      [
        'inputStatusViolations',
        (d: Json): unknown => delete d.paths['/messages'].post.responses['415'],
        'declares no 415',
      ],
      [
        'inputStatusViolations',
        (d: Json): unknown => delete d.paths['/chats/{chat_id}'].get.responses['400'],
        'declares no 400',
      ],
      [
        'shapeViolations',
        (d: Json): unknown => delete d.paths['/messages'].post.requestBody.content['application/json'].example,
        'no example',
      ],
    ] as const)('%s catches: %s', (check, mutate, message) => {
      const found = CHECKS[check](broken(mutate), 'chats');
      expect(found.join('\n')).toContain(message);
    });
  });
});
