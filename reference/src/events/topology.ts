import { loadEventTopology as loadFromSpecs, type EventTopology } from '@socialnet/specs/model';

/**
 * The event topology as `specs/asyncapi` states it (read by the spec model, specs/model): what each producer
 * publishes and, per consumer group, the topic it consumes with its retry chain and dead-letter topic.
 */
export type { ConsumedTopic, EventTopology, ProducedTopic } from '@socialnet/specs/model';

export function loadEventTopology(): EventTopology {
  return loadFromSpecs();
}

/**
 * Prefixes every topic and group name, so several platforms (tests, benchmarks) can share one broker without
 * seeing each other's records; '' leaves the spec's names.
 */
export function withNamespace(topology: EventTopology, prefix: string): EventTopology {
  if (!prefix) return topology;
  const p = (t: string) => `${prefix}${t}`;
  return {
    produced: topology.produced.map((t) => ({ ...t, topic: p(t.topic) })),
    consumed: topology.consumed.map((c) => ({
      ...c,
      group: p(c.group),
      topic: p(c.topic),
      retryTopics: c.retryTopics.map(p),
      dlqTopic: p(c.dlqTopic),
    })),
  };
}
