// Proves that the infrastructure `npm test` starts (scripts/infra/*.sh) is the real thing: PostgreSQL answering
// through `pg`, Apache Kafka answering kafkajs, and kcat (librdkafka, an independent client) seeing the same broker.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ConfigResourceTypes, Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withKafka, withPostgres } from '../testing/infra.ts';

const run = promisify(execFile);
const unique = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

withPostgres('real PostgreSQL', (url) => {
  it('round-trips rows through a temporary table with pg', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: version } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      expect(Number(version[0]?.server_version_num)).toBeGreaterThanOrEqual(120000);

      await client.query(
        'CREATE TEMP TABLE infra_probe (id serial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL)',
      );
      const at = new Date('2026-01-02T03:04:05.678Z');
      await client.query('INSERT INTO infra_probe (body, at) VALUES ($1, $2), ($3, $2)', ['héllo', at, 'wörld']);
      const { rows } = await client.query<{ id: number; body: string; at: Date }>(
        'SELECT id, body, at FROM infra_probe ORDER BY id',
      );
      expect(rows.map((r) => r.body)).toEqual(['héllo', 'wörld']);
      expect(rows[0]?.at.toISOString()).toBe(at.toISOString());

      // A real server enforces constraints; a stand-in that only stores rows would not.
      await expect(client.query('INSERT INTO infra_probe (body, at) VALUES (NULL, now())')).rejects.toMatchObject({
        code: '23502',
      });
    } finally {
      await client.end();
    }
  });
});

withKafka('real Apache Kafka', (brokers) => {
  const kafka = new Kafka({ clientId: unique('infra-test'), brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const topic = unique('infra-probe');
  const admin = kafka.admin();

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('round-trips keyed messages with headers through kafkajs (producer, consumer group, committed offsets)', async () => {
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const sent = [
      { key: 'user-1', value: 'first', headers: { ce_id: randomUUID() } },
      { key: 'user-2', value: 'second', headers: { ce_id: randomUUID() } },
    ];
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const groupId = unique('infra-group');
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: KafkaMessage[] = [];
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message);
          if (received.length === sent.length) resolve();
        },
      });
    });
    await done;
    await consumer.disconnect(); // commits the consumed offsets on the way out

    const byKey = new Map(received.map((m) => [m.key?.toString(), m]));
    for (const m of sent) {
      expect(byKey.get(m.key)?.value?.toString()).toBe(m.value);
      expect(byKey.get(m.key)?.headers?.['ce_id']?.toString()).toBe(m.headers.ce_id);
    }
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets?.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(committed).toBe(sent.length);
  });

  it('is the broker these scripts configured (KRaft, auto topic creation, no initial rebalance delay)', async () => {
    const { brokers: nodes } = await admin.describeCluster();
    const { resources } = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.BROKER, name: String(nodes[0]?.nodeId) }],
      includeSynonyms: false,
    });
    const config = new Map(resources[0]?.configEntries.map((e) => [e.configName, e.configValue]));
    expect(config.get('process.roles')).toBe('broker,controller');
    expect(config.get('auto.create.topics.enable')).toBe('true');
    expect(config.get('group.initial.rebalance.delay.ms')).toBe('0');
  });

  it('is seen by kcat (librdkafka), an independent client: broker and test topic in the metadata', async () => {
    const kcat = process.env.KCAT_BIN ?? 'kcat';
    const { stdout } = await run(kcat, ['-L', '-J', '-b', brokers, '-m', '10']);
    const metadata = JSON.parse(stdout) as {
      brokers: { id: number; name: string }[];
      topics: { topic: string; partitions: unknown[] }[];
    };
    const [host, port] = (brokers.split(',')[0] ?? '').split(':');
    expect(metadata.brokers.map((b) => b.name)).toContain(`${host}:${port}`);
    const probe = metadata.topics.find((t) => t.topic === topic);
    expect(probe?.partitions).toHaveLength(2);
  });
});

describe('scripts/infra/env.sh', () => {
  it('exports the variables withPostgres and withKafka read, all on loopback', async () => {
    // A rename on one side only would silently skip every real-infrastructure test on developer machines.
    const { stdout } = await run('bash', [new URL('../infra/env.sh', import.meta.url).pathname]);
    const vars = Object.fromEntries([...stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(vars).sort()).toEqual(['KAFKA_BROKERS', 'KCAT_BIN', 'SCHEMATHESIS_BIN', 'TEST_DATABASE_URL']);
    expect(new URL(vars.TEST_DATABASE_URL ?? '').hostname).toBe('127.0.0.1');
    expect(vars.KAFKA_BROKERS).toBe(`127.0.0.1:${process.env.INFRA_KAFKA_PORT ?? 9092}`);
  });
});
