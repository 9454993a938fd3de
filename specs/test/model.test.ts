import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import {
  asyncOperationsOf,
  ASYNCAPI_DIR,
  dereference,
  emitsOf,
  EVENT_DOCUMENTS,
  GATEWAY_DOCUMENT,
  isSecured,
  loadEventTopology,
  OPENAPI_DIR,
  operationsOf,
  pathItemOperations,
  readYaml,
  routeOf,
  SERVICES,
  SPECS_DIR,
} from '../model/index.ts';

const REPO = join(SPECS_DIR, '..');
/** An array literal that starts with two HTTP method names (get, then put or post; any case, any quotes). */
const METHOD_LIST = /\[\s*(['"])(get|GET)\1\s*,\s*(['"])(put|post|PUT|POST)\3/;

/** Hand-written sources: not node_modules, hidden folders, generator output, nor the copy `npm pack` makes. */
const SKIPPED = new Set(['generated', 'conformance/specs']);
function handWrittenSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const skip = entry.name === 'node_modules' || entry.name.startsWith('.') || SKIPPED.has(relative(REPO, path));
      return skip ? [] : handWrittenSources(path);
    }
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('the spec model (specs/model)', () => {
  it('holds the one HTTP-method list of the tree', () => {
    const lists = handWrittenSources(REPO).filter((file) => METHOD_LIST.test(readFileSync(file, 'utf8')));
    expect(lists.map((f) => relative(REPO, f))).toEqual(['specs/model/methods.ts']);
    expect(METHOD_LIST.test('const METHODS = [' + "'get', 'post', 'delete'];")).toBe(true);
    expect(METHOD_LIST.test('new Set([' + '"GET", "PUT"])')).toBe(true);
    expect(METHOD_LIST.test("it(['get', '/api/feed', 'feed'])")).toBe(false);
  });

  it("walks a path item in method order, merging path-level parameters under the operation's own", () => {
    const item = {
      parameters: [
        { in: 'path', name: 'id', description: 'shared' },
        { in: 'query', name: 'q' },
      ],
      post: { operationId: 'b', parameters: [{ in: 'path', name: 'id', description: 'own' }] },
      get: { operationId: 'a' },
      summary: 'not an operation',
    };
    const entries = pathItemOperations('/x/{id}', item);
    expect(entries.map((e) => [e.method, e.operation.operationId])).toEqual([
      ['get', 'a'],
      ['post', 'b'],
    ]);
    expect(entries[1]!.parameters).toEqual([
      { in: 'path', name: 'id', description: 'own' },
      { in: 'query', name: 'q' },
    ]);
  });

  it('reads security and x-emits in one normal form', () => {
    expect(isSecured({ security: [{ bearerAuth: [] }] })).toBe(true);
    expect(isSecured({ security: [] }, { security: [{ bearerAuth: [] }] })).toBe(false);
    expect(isSecured({}, { security: [{ bearerAuth: [] }] })).toBe(true);
    expect(isSecured({ security: [{}] })).toBe(false);
    expect(emitsOf({ 'x-emits': 'posts.created' })).toEqual([{ channel: 'posts.created' }]);
    expect(
      emitsOf({ 'x-emits': [{ channel: 'messages.created', key: '$response.body#/chat_id', clause: 'X' }] }),
    ).toEqual([{ channel: 'messages.created', key: '$response.body#/chat_id' }]);
  });

  it('routes every service operation to the same service and path in the bundled gateway document', async () => {
    const gatewayFile = join(OPENAPI_DIR, GATEWAY_DOCUMENT);
    const gateway = readYaml(gatewayFile);
    const bundled = new Map(
      operationsOf(gateway).map((e) => [e.operation.operationId, routeOf(gateway, gatewayFile, e.path, e.operation)]),
    );
    let compared = 0;
    for (const service of SERVICES) {
      const file = join(OPENAPI_DIR, `${service}.yaml`);
      const doc = readYaml(file);
      for (const { path, operation } of operationsOf(doc)) {
        const route = routeOf(doc, file, path, operation);
        expect(route.service).toBe(service);
        expect(route.servicePath).toBe(path);
        if (!route.gateway) {
          expect(bundled.has(operation.operationId), `${operation.operationId} is x-gateway: false`).toBe(false);
          continue;
        }
        expect(bundled.get(operation.operationId), operation.operationId).toEqual(route);
        compared++;
      }
    }
    expect(compared).toBe(bundled.size);
  });

  it("reads the same AsyncAPI operations from the YAML as from the parser's dereferenced document", async () => {
    for (const name of EVENT_DOCUMENTS) {
      const file = join(ASYNCAPI_DIR, name);
      const { document } = await fromFile(new Parser(), file).parse();
      const shape = (doc: unknown) =>
        asyncOperationsOf(doc).map((o) => [
          o.id,
          o.action,
          o.topic,
          o.partitions,
          o.message?.ceType,
          o.message?.keyFrom,
          o.consumer?.group,
        ]);
      expect(shape(readYaml(file))).toEqual(shape(document!.json()));
      expect(shape(await dereference(file))).toEqual(shape(readYaml(file)));
    }
  });

  it('states per consumer group the topic, its retry chain and its DLQ', () => {
    const { consumed, produced } = loadEventTopology();
    expect(produced.map((p) => p.topic)).toEqual(['posts.created', 'messages.created']);
    for (const c of consumed) {
      expect(c.retryTopics).toEqual(c.retryDelaysMs.map((_, i) => `${c.group}.${c.topic}.retry.${i + 1}`));
      expect(c.dlqTopic).toBe(`${c.group}.${c.topic}.dlq`);
      expect(c.idempotencyKey).toEqual({ in: 'header', name: 'ce_id' });
      expect(c.payloadSchema).toEqual(produced.find((p) => p.topic === c.topic)!.payloadSchema);
    }
    expect(consumed.map((c) => c.group)).toEqual(['feed-service', 'notification-service']);
  });
});
