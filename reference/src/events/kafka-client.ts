import { Kafka, logLevel, type Admin, type ITopicConfig, type Producer } from 'kafkajs';
import type { EventTopology } from './topology.ts';

export interface KafkaOptions {
  brokers: string[];
  clientId?: string;
}

/** One kafkajs client per platform; kafkajs logs are silenced (our own logs say what matters). */
export function createKafka({ brokers, clientId = 'socialnet-reference' }: KafkaOptions): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 5 },
  });
}

/**
 * The producer the relay and the consumers' retry/DLQ routing use: idempotent (so a retried batch is written once),
 * acks from all in-sync replicas, one request in flight (so a retry cannot reorder a key's records).
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: 3 },
  });
}

/** Every topic the topology names, with the spec's partition count; the replication factor fits the cluster. */
export function topicConfigs(topology: EventTopology, replicationFactor: number): ITopicConfig[] {
  const configs = new Map<string, ITopicConfig>();
  const add = (topic: string, numPartitions: number) => configs.set(topic, { topic, numPartitions, replicationFactor });
  for (const p of topology.produced) add(p.topic, p.partitions);
  for (const c of topology.consumed) {
    add(c.topic, c.partitions);
    for (const retry of c.retryTopics) add(retry, c.partitions);
    add(c.dlqTopic, c.partitions);
  }
  return [...configs.values()];
}

/** Creates the missing topics (idempotent; existing topics are left as they are). */
export async function ensureTopics(admin: Admin, topology: EventTopology): Promise<void> {
  const brokers = (await admin.describeCluster()).brokers.length;
  const existing = new Set(await admin.listTopics());
  const missing = topicConfigs(topology, Math.min(3, brokers)).filter((t) => !existing.has(t.topic));
  if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
}
