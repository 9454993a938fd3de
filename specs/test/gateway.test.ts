import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildGateway, GATEWAY_FILE } from '../bundle-gateway.ts';
import { operationsOf, rawDoc, SERVICES, type Json } from './helpers/openapi-docs.ts';

const gateway = rawDoc('gateway');
const gatewayOps = operationsOf(gateway, 'gateway');
const byId = new Map(gatewayOps.map((o) => [o.operation.operationId, o]));

describe('specs > openapi > gateway.yaml', () => {
  it('is up to date with the service documents (run `npm run bundle:specs`)', () => {
    expect(readFileSync(GATEWAY_FILE, 'utf8')).toBe(buildGateway());
  });

  it('is deterministic', () => {
    expect(buildGateway()).toBe(buildGateway());
  });

  it('is self-contained: every $ref is local and resolves', () => {
    const refs = [...JSON.stringify(gateway).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) {
      expect(ref, ref).toMatch(/^#\/components\//);
      const [, , section, name] = ref.split('/');
      expect(gateway.components[section!]?.[name!], ref).toBeDefined();
    }
    expect(gateway.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
  });

  it.each(SERVICES)(
    'exposes every %s operation not marked x-gateway: false, under its prefix, with x-service',
    (name) => {
      const doc = rawDoc(name);
      const prefix = doc.info['x-gateway-prefix'];
      for (const { path, method, operation } of operationsOf(doc, name)) {
        const exposed = byId.get(operation.operationId);
        if (operation['x-gateway'] === false) {
          expect(exposed, operation.operationId).toBeUndefined();
          continue;
        }
        expect(exposed, operation.operationId).toBeDefined();
        expect(`${exposed!.method} ${exposed!.path}`).toBe(`${method} ${prefix}${path}`);
        expect(exposed!.operation['x-service']).toBe(name);
      }
    },
  );

  it.each([
    ['get', '/api/users/{user_id}/notifications', 'notifications'],
    ['get', '/api/users/{user_id}/posts', 'posts'],
    ['get', '/api/users/{user_id}/feed', 'feed'],
    ['get', '/api/users/{user_id}', 'users'],
    ['post', '/api/users/login', 'users'],
    ['get', '/api/feed', 'feed'],
    ['post', '/api/feedback/posts/{post_id}/like', 'feedback'],
    ['delete', '/api/feedback/comments/{comment_id}', 'feedback'],
    ['get', '/api/whoami', 'users'],
    ['post', '/api/messages/{message_id}/seen', 'chats'],
    ['post', '/api/relationships', 'users'],
  ])('routes %s %s to %s (the fixed gateway, not B nginx)', (method, path, service) => {
    expect((gateway.paths[path] as Json)?.[method]?.['x-service']).toBe(service);
  });

  it('does not route service diagnostics', () => {
    for (const path of [
      '/api/healthz',
      '/api/readyz',
      '/api/metrics',
      '/api/feedback/whoami',
      '/api/feedback/healthz',
    ]) {
      expect(gateway.paths[path], path).toBeUndefined();
    }
  });
});

describe('specs > bundle-gateway merging', () => {
  const serviceDoc = (service: string, prefix: string, paths: Json, schemas: Json = {}) => ({
    openapi: '3.0.3',
    info: { title: service, version: '1', 'x-service': service, 'x-gateway-prefix': prefix },
    paths,
    components: { schemas },
  });
  const op = (operationId: string, schema: string) => ({
    operationId,
    responses: {
      '200': {
        description: 'ok',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
      },
    },
  });
  const build = (docs: Record<string, Json>) => {
    const dir = mkdtempSync(join(tmpdir(), 'sn-gateway-'));
    for (const [name, doc] of Object.entries(docs)) writeFileSync(join(dir, `${name}.yaml`), stringify(doc));
    return parse(buildGateway(dir, Object.keys(docs)));
  };

  it('refuses two services serving the same gateway method and path', () => {
    expect(() =>
      build({
        a: serviceDoc('a', '/api', { '/things': { get: op('aThings', 'Thing') } }, { Thing: { type: 'string' } }),
        b: serviceDoc('b', '/api', { '/things': { get: op('bThings', 'Thing') } }, { Thing: { type: 'string' } }),
      }),
    ).toThrow(/route conflict: GET \/api\/things/);
  });

  it('shares identical components and renames a different one after its service', () => {
    const gw = build({
      a: serviceDoc('a', '/api', { '/a': { get: op('aGet', 'Thing') } }, { Thing: { type: 'string' } }),
      b: serviceDoc('b', '/api/b', { '/b': { get: op('bGet', 'Thing') } }, { Thing: { type: 'integer' } }),
      c: serviceDoc('c', '/api', { '/c': { get: op('cGet', 'Thing') } }, { Thing: { type: 'string' } }),
    });
    expect(gw.components.schemas).toEqual({ Thing: { type: 'string' }, BThing: { type: 'integer' } });
    const schemaOf = (path: string) => gw.paths[path].get.responses['200'].content['application/json'].schema.$ref;
    expect([schemaOf('/api/a'), schemaOf('/api/b/b'), schemaOf('/api/c')]).toEqual([
      '#/components/schemas/Thing',
      '#/components/schemas/BThing',
      '#/components/schemas/Thing',
    ]);
    expect(gw.paths['/api/b/b'].get['x-service']).toBe('b');
  });
});
