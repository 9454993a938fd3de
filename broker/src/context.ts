// What every handler can reach: the broker's configuration and state, and who sent the request.
import type { Faults } from './faults/faults.ts';
import type { GroupCoordinator } from './groups/coordinator.ts';
import type { TopicStore } from './log/topic-store.ts';
import type { ProducerRegistry } from './producers/producer-registry.ts';

export interface BrokerConfig {
  host: string;
  /** The port clients are told to connect to (the bound one when started on port 0). */
  port: number;
  nodeId: number;
  clusterId: string;
  autoCreateTopics: boolean;
  defaultPartitions: number;
  /** Kafka's message.max.bytes: the largest record batch a Produce may carry. */
  maxMessageBytes: number;
  /** Kafka 4's log.message.timestamp.after.max.ms (1 hour): records stamped further in the future are refused. */
  messageTimestampAfterMaxMs: number;
  /** log.message.timestamp.before.max.ms (unbounded by default). */
  messageTimestampBeforeMaxMs: number;
  /** Kafka's log.retention.bytes (per partition), -1 when unbounded; retention by record count has no Kafka name. */
  retentionBytes: number;
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  initialRebalanceDelayMs: number;
}

export interface BrokerState {
  readonly config: BrokerConfig;
  readonly topics: TopicStore;
  readonly groups: GroupCoordinator;
  readonly producers: ProducerRegistry;
  readonly faults: Faults;
  /** Aborted when the broker closes, so parked requests (long-poll Fetch) end. */
  readonly closing: AbortSignal;
}

export interface RequestContext {
  readonly broker: BrokerState;
  readonly apiVersion: number;
  readonly clientId: string;
  /** As Kafka reports it in DescribeGroups: "/127.0.0.1". */
  readonly clientHost: string;
}
