import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkConsumerTopology, consumedTopics } from '../asyncapi/consumer-topology.ts';
import { gatewayPrefixOf, operationsOf } from '../model/index.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../asyncapi');
const documents = ['posts.yaml', 'messages.yaml'];
const openapiDir = path.resolve(dir, '../openapi');
const parser = new Parser();

type Json = any;

const loaded = new Map<string, Promise<{ json: Json; errors: string[] }>>();

/** Parses once per file; callers clone before changing. */
function load(file: string): Promise<{ json: Json; errors: string[] }> {
  if (!loaded.has(file)) {
    const parsed = fromFile(parser, path.join(dir, file)).parse();
    loaded.set(
      file,
      parsed.then(({ document, diagnostics }) => ({ json: document?.json(), errors: errorsOf(diagnostics) })),
    );
  }
  return loaded.get(file)!;
}

const errorsOf = (diagnostics: { severity: number; code: string | number; message: string }[]) =>
  diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.code}: ${d.message}`);

const readYaml = (file: string): Json => parseYaml(readFileSync(path.join(dir, file), 'utf8'));
const clone = <T>(value: T): T => structuredClone(value);

describe('specs > asyncapi', () => {
  describe.each(documents)('%s', (file) => {
    it('parses and validates with @asyncapi/parser without errors', async () => {
      const { json, errors } = await load(file);
      expect(errors).toEqual([]);
      expect(json.asyncapi).toBe('3.0.0');
    });

    it('is really validated: a Kafka binding with 0 partitions is an error', async () => {
      const text = readFileSync(path.join(dir, file), 'utf8').replace('partitions: 6', 'partitions: 0');
      const { document, diagnostics } = await parser.parse(text, { source: path.join(dir, file) });
      expect(document).toBeUndefined();
      expect(errorsOf(diagnostics).join('\n')).toMatch(/partitions/);
    });

    it('gives every consumed topic an x-consumer, retry chain and DLQ (SN-EVENTS-RETRY, SN-EVENTS-DLQ)', async () => {
      const { json } = await load(file);
      expect(consumedTopics(json).length).toBeGreaterThan(0);
      expect(checkConsumerTopology(json)).toEqual([]);
    });

    it('keys every event by the aggregate id and carries the CloudEvents binary envelope', async () => {
      const { json } = await load(file);
      const main = Object.values<Json>(json.channels).filter((c) => !/\.(retry\.\d+|dlq)$/.test(c.address));
      expect(main.length).toBeGreaterThan(0);
      for (const channel of main) {
        for (const message of Object.values<Json>(channel.messages)) {
          expect(message.headers.required).toEqual(
            expect.arrayContaining(['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'content-type']),
          );
          expect(message.headers.properties.ce_id.format).toBe('uuid');
          expect(message.bindings.kafka.key.pattern).toBe('^[1-9][0-9]{0,18}$');
          expect(message['x-key'].from).toMatch(/^\$message\.payload#\//);
          expect(message['x-ce-type']).toMatch(/^dev\.socialnet\.[a-z]+\.[a-z]+\.v1$/);
        }
      }
    });

    it('states a machine-readable HTTP effect on each consuming operation', async () => {
      const { json } = await load(file);
      const receives = Object.values<Json>(json.operations).filter((op) => op['x-consumer']);
      for (const op of receives) {
        expect(op['x-effect']).toMatchObject({ read: { method: 'GET' }, expect: { count: 1 } });
        expect(op['x-effect'].read.path).toMatch(/^\/api\//);
      }
    });

    it('names OpenAPI operations that exist: the emitting operations (with x-emits) and the effect read', async () => {
      const { json } = await load(file);
      const operations = new Map<string, { method: string; path: string; prefix: string; op: Json }>();
      for (const name of readdirSync(openapiDir).filter((f) => f.endsWith('.yaml') && f !== 'gateway.yaml')) {
        const doc = parseYaml(readFileSync(path.join(openapiDir, name), 'utf8'));
        for (const { method, path: p, operation: op } of operationsOf<Json>(doc)) {
          if (op.operationId)
            operations.set(op.operationId, { method: method.toUpperCase(), path: p, prefix: gatewayPrefixOf(doc), op });
        }
      }
      for (const op of Object.values<Json>(json.operations)) {
        for (const id of op['x-producer']?.emittedBy ?? []) {
          expect(operations.get(id)?.op['x-emits'], `${id} declares x-emits for ${op.channel.address}`).toEqual(
            expect.arrayContaining([expect.objectContaining({ channel: op.channel.address })]),
          );
        }
        const read = op['x-effect']?.read;
        if (read) {
          const target = operations.get(read.operationId);
          expect(target && [target.method, `${target.prefix}${target.path}`]).toEqual([read.method, read.path]);
        }
      }
    });

    it('names only clauses that clauses.yaml defines', async () => {
      const { json } = await load(file);
      const known = Object.keys(readYaml('clauses.yaml').clauses);
      const named = [...json.info['x-clauses'], ...JSON.stringify(json).matchAll(/"clause":"([A-Z-]+)"/g)].map((m) =>
        typeof m === 'string' ? m : m[1],
      );
      expect(named.filter((id) => !known.includes(id))).toEqual([]);
    });
  });

  describe('consumer topology check (the rule that must fail on a bad document)', () => {
    const mutate = async (change: (doc: Json) => void) => {
      const { json } = await load('messages.yaml');
      const doc = clone(json);
      change(doc);
      return checkConsumerTopology(doc).map((p) => p.message);
    };
    const consumer = (doc: Json) => doc.operations.notificationServiceReceiveMessageCreated['x-consumer'];

    it('reports a consumed topic without a DLQ', async () => {
      expect(await mutate((doc) => delete consumer(doc).dlq)).toEqual([
        'consumed topic messages.created has no DLQ channel notification-service.messages.created.dlq for group notification-service',
        'the DLQ must name its header profile (socialnet-dlq-v1)',
      ]);
    });

    it('reports a DLQ channel whose address does not follow <group>.<topic>.dlq', async () => {
      const messages = await mutate((doc) => {
        doc.channels.notificationServiceMessagesCreatedDlq.address = 'messages.created.DLT';
      });
      expect(messages).toContain(
        'consumed topic messages.created has no DLQ channel notification-service.messages.created.dlq for group notification-service',
      );
    });

    it('reports a missing retry level and a retry topic nobody consumes', async () => {
      expect(await mutate((doc) => consumer(doc).retry.channels.pop())).toEqual([
        'consumed topic messages.created has no retry chain (one channel per backoff delay)',
      ]);
      expect(await mutate((doc) => delete doc.operations.notificationServiceReceiveMessageCreatedRetry2)).toEqual([
        'retry topic notification-service.messages.created.retry.2 needs a send and a receive operation',
      ]);
    });

    it('reports a consumer without x-consumer or deduplicating on something else than ce_id', async () => {
      expect(
        await mutate((doc) => delete doc.operations.notificationServiceReceiveMessageCreated['x-consumer']),
      ).toEqual(['consumed topic messages.created has no x-consumer with a group']);
      expect(await mutate((doc) => (consumer(doc).idempotencyKey = { in: 'payload', name: 'message_id' }))).toEqual([
        'notification-service on messages.created must deduplicate on header ce_id',
      ]);
    });
  });

  describe('components/dlq.yaml', () => {
    const dlq = readYaml('components/dlq.yaml');

    it('lists in the socialnet-dlq-v1 profile exactly the headers the dead-letter schema requires, each with its encoding and Spring/Connect mapping', () => {
      const profile = dlq['x-header-profiles']['socialnet-dlq-v1'].headers;
      expect(Object.keys(profile).sort()).toEqual([...dlq.schemas.DeadLetterHeaders.required].sort());
      for (const entry of Object.values<Json>(profile)) {
        expect(entry.encoding).toMatch(/^(utf8|utf8-enum|decimal-int32|decimal-int64|decimal-epoch-ms|rfc3339-utc)$/);
        expect(entry).toHaveProperty('spring');
        expect(entry).toHaveProperty('connect');
      }
      expect(profile['dlq-original-partition'].spring).toEqual({
        name: 'kafka_dlt-original-partition',
        encoding: 'int32-be',
      });
      expect(profile['dlq-original-offset'].connect).toEqual({ name: '__connect.errors.offset', encoding: 'decimal' });
    });

    it('names the original topic, partition, offset, timestamp, group, error, attempts and time', () => {
      const fields = Object.values<Json>(dlq['x-header-profiles']['socialnet-dlq-v1'].headers).map((h) => h.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'original.topic',
          'original.partition',
          'original.offset',
          'original.timestamp',
          'group',
          'error.class',
          'error.message',
          'attempts',
          'failedAt',
        ]),
      );
    });

    it('lists in the socialnet-retry-v1 profile exactly the headers the retry schema requires', () => {
      const profile = dlq['x-header-profiles']['socialnet-retry-v1'].headers;
      expect(Object.keys(profile).sort()).toEqual([...dlq.schemas.RetryHeaders.required].sort());
    });
  });

  describe('clauses.yaml', () => {
    const { clauses } = readYaml('clauses.yaml');

    it('defines the seven event clauses, each pointing at a place in the specs that exists', () => {
      expect(Object.keys(clauses).sort()).toEqual([
        'SN-EVENTS-COMMIT-AFTER-EFFECT',
        'SN-EVENTS-CONSUMER-IDEMPOTENT',
        'SN-EVENTS-DLQ',
        'SN-EVENTS-ENVELOPE',
        'SN-EVENTS-KEY',
        'SN-EVENTS-OUTBOX',
        'SN-EVENTS-RETRY',
      ]);
      for (const [id, clause] of Object.entries<Json>(clauses)) {
        const target = readYaml(path.relative('specs/asyncapi', clause.spec.file));
        const found = clause.spec.pointer
          .split('/')
          .slice(1)
          .reduce((node: Json, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], target);
        expect(found, `${id} → ${clause.spec.file}#${clause.spec.pointer}`).toBeDefined();
      }
    });
  });
});
