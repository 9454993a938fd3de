// Shared by the broker's tests: unique names, polling with a deadline, quiet kafkajs clients.
import { randomUUID } from 'node:crypto';
import { type Consumer, type ConsumerConfig, Kafka, type KafkaConfig, logLevel } from 'kafkajs';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

export const unique = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Polls `probe` until it returns a truthy value, failing with `what` after `timeoutMs`. */
type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 20_000,
  everyMs = 25,
): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as Truthy<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function kafka(brokers: string, clientId = unique('test'), extra: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    brokers: [brokers],
    clientId,
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 50, retries: 8 },
    ...extra,
  });
}

/** Group timings: short against the embedded broker, Kafka's minimum session (6 s) against Kafka. */
export interface Timing {
  sessionTimeout: number;
  rebalanceTimeout: number;
  heartbeatInterval: number;
  maxWaitTimeInMs: number;
}

export const FAST: Timing = {
  sessionTimeout: 1_500,
  rebalanceTimeout: 3_000,
  heartbeatInterval: 100,
  maxWaitTimeInMs: 100,
};
export const KAFKA_TIMING: Timing = {
  sessionTimeout: 6_000,
  rebalanceTimeout: 10_000,
  heartbeatInterval: 300,
  maxWaitTimeInMs: 200,
};

export function consumerConfig(groupId: string, t: Timing, extra: Partial<ConsumerConfig> = {}): ConsumerConfig {
  return { groupId, ...t, retry: { initialRetryTime: 50, retries: 8 }, ...extra };
}

export interface Received {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Runs `consumer` and resolves with messages as they arrive; call stop() to disconnect. */
export function collect(consumer: Consumer): {
  messages: Received[];
  until(n: number, timeoutMs?: number): Promise<Received[]>;
} {
  const messages: Received[] = [];
  void consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
      messages.push({
        topic,
        partition,
        offset: Number(message.offset),
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers,
      });
    },
  });
  return {
    messages,
    until: (n, timeoutMs = 20_000) =>
      waitFor(`${n} messages (have ${messages.length})`, () => messages.length >= n && messages, timeoutMs),
  };
}

/** The partitions each GROUP_JOIN handed this consumer, newest last. */
export function trackAssignments(
  consumer: Consumer,
  topic: string,
): { history: number[][]; current(): number[] | undefined; joins(): number } {
  const history: number[][] = [];
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    history.push([...(e.payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b));
  });
  return { history, current: () => history[history.length - 1], joins: () => history.length };
}
