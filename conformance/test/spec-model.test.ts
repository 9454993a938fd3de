import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { creatorOf, kindOf } from '../src/engine/recipe-lookup.ts';
import { loadSpec, REPO_ROOT } from '../src/spec/load.ts';
import { sample } from '../src/spec/sample.ts';
import { SchemaValidator } from '../src/spec/validator.ts';

const spec = await loadSpec();

describe('operation model', () => {
  it('reads every operation with its service, both paths and the x- extensions', () => {
    expect(spec.services).toEqual(expect.arrayContaining(['chats', 'notifications', 'users', 'media', 'posts']));
    const send = spec.operation('sendMessage')!;
    expect(send).toMatchObject({
      service: 'chats',
      method: 'post',
      servicePath: '/messages',
      gatewayPath: '/api/messages',
      secured: true,
    });
    expect(send.authz[0]).toMatchObject({ rule: 'chat-member', resource: { in: 'body', name: 'chat_id' } });
    expect(send.idempotency?.header).toBe('Idempotency-Key');
    for (const op of spec.operations) expect(op.secured || Boolean(op.public), op.operationId).toBe(true);
  });

  it('locates each operation at its method key in the spec file', () => {
    for (const op of spec.operations) {
      const line = readFileSync(join(REPO_ROOT, op.location.file), 'utf8').split('\n')[op.location.line - 1];
      expect(line?.trim(), op.operationId).toBe(`${op.method}:`);
    }
  });

  it('reads the bundled gateway document to the same operations and paths', async () => {
    const gateway = await loadSpec(join(REPO_ROOT, 'specs/openapi/gateway.yaml'));
    for (const op of gateway.operations) {
      const same = spec.operation(op.operationId)!;
      expect({ service: op.service, servicePath: op.servicePath, gatewayPath: op.gatewayPath }, op.operationId).toEqual(
        {
          service: same.service,
          servicePath: same.servicePath,
          gatewayPath: same.gatewayPath,
        },
      );
    }
  });

  it('derives resource recipes from the spec: the operation whose 201 returns the resource', () => {
    expect(kindOf(spec.operation('listChatMessages')!, 'chat_id')).toBe('chat');
    expect(creatorOf(spec.operations, 'chat')?.operationId).toBe('createChat');
    expect(creatorOf(spec.operations, 'message')?.operationId).toBe('sendMessage');
    expect(kindOf(spec.operation('deleteMedia')!, 'key')).toBe('media');
  });

  it('samples request bodies that validate against their own schemas', () => {
    const validator = new SchemaValidator();
    for (const op of spec.operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      expect(
        validator.errors(schema, sample(schema, 'body', { text: (n) => `conformance ${n}` })),
        op.operationId,
      ).toEqual([]);
    }
  });
});
