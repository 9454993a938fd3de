// All topics of the broker, and the wake-up hook that long-polling Fetch requests wait on.
import { randomBytes } from 'node:crypto';
import { PartitionLog, type Retention, type StoredBatch } from './partition-log.ts';

export interface Topic {
  readonly name: string;
  /** Kafka's topic id: 16 random bytes given at creation, so a topic deleted and created again has a new one. */
  readonly id: Buffer;
  /** Config overrides (configs/topic-overrides.ts), by Kafka name. */
  readonly configs: Map<string, string>;
  /** Shared by the topic's partitions; retention.bytes of the topic, else the broker's. */
  readonly retention: Retention;
  readonly partitions: PartitionLog[];
}

/** Receives every change so a file store can persist it (see log/file-store.ts). */
export interface LogListener {
  topicCreated(name: string, partitions: number): void;
  topicDeleted(name: string): void;
  topicConfigured(name: string): void;
  batchAppended(topic: string, partition: number, batch: StoredBatch): void;
}

export class TopicStore {
  private readonly topics = new Map<string, Topic>();
  private readonly waiters = new Set<() => void>();
  listener: LogListener | null = null;

  constructor(private readonly retention: Retention = {}) {}

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  partition(name: string, index: number): PartitionLog | undefined {
    return this.topics.get(name)?.partitions[index];
  }

  names(): string[] {
    return [...this.topics.keys()];
  }

  create(name: string, partitionCount: number, id: Buffer = newTopicId(), configs = new Map<string, string>()): Topic {
    const retention: Retention = { ...this.retention };
    const topic: Topic = {
      name,
      id,
      configs,
      retention,
      partitions: Array.from({ length: partitionCount }, (_, i) => new PartitionLog(name, i, retention)),
    };
    this.applyRetention(topic);
    this.topics.set(name, topic);
    this.listener?.topicCreated(name, partitionCount);
    return topic;
  }

  addPartitions(name: string, total: number): void {
    const topic = this.topics.get(name);
    if (!topic) return;
    for (let i = topic.partitions.length; i < total; i++)
      topic.partitions.push(new PartitionLog(name, i, topic.retention));
    this.listener?.topicCreated(name, total);
  }

  /** Replaces a topic's overrides (IncrementalAlterConfigs); retention applies from the next append, as Kafka's cleaner runs later too. */
  setConfigs(name: string, configs: ReadonlyMap<string, string>): void {
    const topic = this.topics.get(name);
    if (!topic) return;
    topic.configs.clear();
    for (const [k, v] of configs) topic.configs.set(k, v);
    this.applyRetention(topic);
    this.listener?.topicConfigured(name);
  }

  private applyRetention(topic: Topic): void {
    const own = topic.configs.get('retention.bytes');
    const bytes = own === undefined ? this.retention.maxBytes : Number(own);
    topic.retention.maxBytes = bytes === undefined || bytes < 0 ? undefined : bytes;
  }

  delete(name: string): boolean {
    const existed = this.topics.delete(name);
    if (existed) this.listener?.topicDeleted(name);
    return existed;
  }

  append(log: PartitionLog, batch: Buffer): StoredBatch {
    const stored = log.append(batch);
    this.listener?.batchAppended(log.topic, log.partition, stored);
    return stored;
  }

  /** Calls `wake` on every later append until the returned function is called. */
  onAppend(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  notifyAppended(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/** A random version-4 UUID, as Kafka's Uuid.randomUuid: never one whose base64 form starts with '-'. */
function newTopicId(): Buffer {
  for (;;) {
    const id = randomBytes(16);
    id[6] = ((id[6] as number) & 0x0f) | 0x40;
    id[8] = ((id[8] as number) & 0x3f) | 0x80;
    if (!id.toString('base64url').startsWith('-')) return id;
  }
}
