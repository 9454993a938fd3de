// Composition: configuration, state, the Kafka listener and (optionally) the control interface.
import { randomBytes } from 'node:crypto';
import type { BrokerConfig, BrokerState } from './context.ts';
import { startControlServer, type ControlServer } from './control/control-server.ts';
import { Faults } from './faults/faults.ts';
import { GroupCoordinator } from './groups/coordinator.ts';
import { openFileStore } from './log/file-store.ts';
import type { Retention } from './log/partition-log.ts';
import { TopicStore } from './log/topic-store.ts';
import { KafkaServer } from './net/server.ts';
import { ProducerRegistry } from './producers/producer-registry.ts';

export interface BrokerOptions {
  /** Listen address; loopback by default. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Keep topics, batches and committed offsets in this directory, so they survive a restart. */
  dataDir?: string;
  /** Kafka's auto.create.topics.enable (default true). */
  autoCreateTopics?: boolean;
  /** Kafka's num.partitions, for auto-created topics and CreateTopics with -1 (default 1). */
  defaultPartitions?: number;
  /** Per-partition retention: oldest batches go first (the newest batch always stays). */
  retention?: Retention;
  maxMessageBytes?: number;
  /** Kafka: group.min.session.timeout.ms (6000) and group.max.session.timeout.ms (1800000). */
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
  /** Kafka: group.initial.rebalance.delay.ms (3000). */
  initialRebalanceDelayMs?: number;
  /** Also serve the HTTP fault-control interface on this loopback port (0 picks one). */
  controlPort?: number;
  /** Where diagnostics go (closed connections, handler failures); silent by default. */
  log?: (message: string) => void;
}

export interface BrokerHandle {
  readonly host: string;
  readonly port: number;
  /** For client configs: '127.0.0.1:PORT'. */
  readonly brokers: string;
  readonly faults: Faults;
  /** The control interface's base URL, when controlPort was given. */
  readonly controlUrl: string | null;
  /** Read-only access to the broker's state, for tests and diagnostics. */
  readonly state: BrokerState;
  close(): Promise<void>;
}

export async function startBroker(options: BrokerOptions = {}): Promise<BrokerHandle> {
  const log = options.log ?? (() => undefined);
  const config: BrokerConfig = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    nodeId: 1,
    clusterId: randomBytes(16).toString('base64url').slice(0, 22),
    autoCreateTopics: options.autoCreateTopics ?? true,
    defaultPartitions: options.defaultPartitions ?? 1,
    maxMessageBytes: options.maxMessageBytes ?? 1_048_588,
    messageTimestampAfterMaxMs: 3_600_000,
    messageTimestampBeforeMaxMs: Number.POSITIVE_INFINITY,
    retentionBytes: options.retention?.maxBytes ?? -1,
    minSessionTimeoutMs: options.minSessionTimeoutMs ?? 6_000,
    maxSessionTimeoutMs: options.maxSessionTimeoutMs ?? 1_800_000,
    initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 3_000,
  };
  const closing = new AbortController();
  const topics = new TopicStore(options.retention);
  const groups = new GroupCoordinator(config);
  const faults = new Faults();
  const state: BrokerState = {
    config,
    topics,
    groups,
    producers: new ProducerRegistry(),
    faults,
    closing: closing.signal,
  };
  const fileStore = options.dataDir ? await openFileStore(options.dataDir, topics, groups, state.producers) : null;

  const server = new KafkaServer(state, log);
  config.port = await server.listen(config.host, config.port);
  faults.attach({
    expireMember: (g, m) => groups.expireMember(g, m),
    forceRebalance: (g) => groups.forceRebalance(g),
    dropConnections: (clientId) => server.dropConnections(clientId),
  });
  let control: ControlServer | null = null;
  // The control interface can break the broker on purpose: loopback only, whatever the Kafka listener's host.
  if (options.controlPort !== undefined) control = await startControlServer(state, '127.0.0.1', options.controlPort);

  return {
    host: config.host,
    port: config.port,
    brokers: `${config.host}:${config.port}`,
    faults,
    controlUrl: control?.url ?? null,
    state,
    async close() {
      closing.abort();
      groups.close();
      await Promise.all([server.close(), control?.close()]);
      await fileStore?.close();
    },
  };
}
