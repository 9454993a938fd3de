import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEventTopology, withNamespace } from '../../src/events/topology.ts';
import { topicConfigs } from '../../src/events/kafka-client.ts';

describe('events > topology (read from specs/asyncapi)', () => {
  const topology = loadEventTopology();

  it('consumes what the specs say, with per-group retry chains and DLQs', () => {
    expect(topology.consumed.map((c) => [c.group, c.topic, c.retryTopics.length, c.dlqTopic])).toEqual([
      ['feed-service', 'posts.created', 3, 'feed-service.posts.created.dlq'],
      ['notification-service', 'messages.created', 3, 'notification-service.messages.created.dlq'],
    ]);
    expect(topology.produced.map((p) => [p.topic, p.keyPointer, p.ceType])).toEqual([
      ['posts.created', '/id', 'dev.socialnet.posts.created.v1'],
      ['messages.created', '/chat_id', 'dev.socialnet.messages.created.v1'],
    ]);
  });

  it('creates every topic with the main topic partition count, and namespaces topics and groups', () => {
    const configs = topicConfigs(withNamespace(topology, 'x.'), 1);
    expect(configs).toHaveLength(2 + 2 * 4);
    expect(configs.every((c) => c.topic.startsWith('x.') && c.numPartitions === 6)).toBe(true);
    expect(withNamespace(topology, 'x.').consumed[0]!.group).toBe('x.feed-service');
  });

  it('the DLQ replay command refuses to run without a selection, and names unknown groups', () => {
    const cli = fileURLToPath(new URL('../../src/events/replay/cli.ts', import.meta.url));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, '--brokers', '127.0.0.1:1', ...args], { encoding: 'utf8' });
    const unselected = run('--group', 'feed-service', '--topic', 'posts.created');
    expect([unselected.status, unselected.stderr.trim()]).toEqual([
      2,
      'choose records with --position, --event-id or --reason, or pass --all',
    ]);
    const unknown = run('--group', 'nobody', '--topic', 'posts.created');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /no consumer group nobody on posts.created in specs\/asyncapi; known: feed-service on posts.created/,
    );
  });
});
