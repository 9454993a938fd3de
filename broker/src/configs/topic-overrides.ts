// Per-topic config overrides the broker applies: the ones Kafka keeps as DYNAMIC_TOPIC_CONFIG that change
// what this broker does (the produce size and timestamp checks, retention by size). Their values are parsed
// as Kafka's ConfigDef does, with its messages. Other valid topic config names are accepted in CreateTopics
// and ignored (docs/broker.md D4).
import type { BrokerConfig } from '../context.ts';

interface OverrideSpec {
  type: 'INT' | 'LONG';
  min?: number;
  /** The broker-wide value the topic inherits. */
  inherited(c: BrokerConfig): number;
}

export const TOPIC_OVERRIDES: Readonly<Record<string, OverrideSpec>> = {
  'max.message.bytes': { type: 'INT', min: 0, inherited: (c) => c.maxMessageBytes },
  'message.timestamp.after.max.ms': { type: 'LONG', min: 0, inherited: (c) => c.messageTimestampAfterMaxMs },
  'message.timestamp.before.max.ms': { type: 'LONG', min: 0, inherited: (c) => c.messageTimestampBeforeMaxMs },
  'retention.bytes': { type: 'LONG', inherited: (c) => c.retentionBytes },
};

const LIMITS = { INT: [-(2 ** 31), 2 ** 31 - 1], LONG: [-(2n ** 63n), 2n ** 63n - 1n] } as const;

/** Kafka's message for a value it cannot take, or null when `value` is valid for `name`. */
export function invalidOverride(name: string, value: string | null): string | null {
  const spec = TOPIC_OVERRIDES[name];
  if (!spec) return null;
  const bad = (why: string) => `Invalid value ${value} for configuration ${name}: ${why}`;
  const text = (value ?? '').trim();
  if (!/^-?\d+$/.test(text)) return bad(`Not a number of type ${spec.type}`);
  const n = BigInt(text);
  const [lo, hi] = LIMITS[spec.type];
  if (n < BigInt(lo) || n > BigInt(hi)) return bad(`Not a number of type ${spec.type}`);
  if (spec.min !== undefined && n < BigInt(spec.min)) return bad(`Value must be at least ${spec.min}`);
  return null;
}

/** The value a topic's produce/retention checks use: its override, else the broker's setting. */
export function effective(
  name: keyof typeof TOPIC_OVERRIDES & string,
  overrides: ReadonlyMap<string, string>,
  c: BrokerConfig,
): number {
  const own = overrides.get(name);
  const spec = TOPIC_OVERRIDES[name] as OverrideSpec;
  if (own === undefined) return spec.inherited(c);
  const n = Number(own);
  // Kafka's "unbounded" for the timestamp bounds is Long.MAX_VALUE.
  return n >= Number.MAX_SAFE_INTEGER ? Number.POSITIVE_INFINITY : n;
}

/** The overrides among a CreateTopics request's configs (the last value of a name wins, as Kafka). */
export function overridesOf(configs: readonly { name: string; value: string | null }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of configs) if (TOPIC_OVERRIDES[c.name] && c.value !== null) out.set(c.name, c.value.trim());
  return out;
}
