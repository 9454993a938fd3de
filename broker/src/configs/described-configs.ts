// The configs this broker honours, under Kafka's names, with the value, source and synonyms Kafka's
// DescribeConfigs gives them: a broker setting equal to Kafka's default is DEFAULT_CONFIG, any other one
// STATIC_BROKER_CONFIG (as if set in server.properties), and a topic config inherits from its broker
// synonym unless the topic overrides it (DYNAMIC_TOPIC_CONFIG, configs/topic-overrides.ts). Configs Kafka has but this broker does not honour (segments, compaction, time retention,
// replication, ...) are left out rather than reported with values that mean nothing here.
import type { BrokerConfig } from '../context.ts';

/** Kafka's ConfigSource ids (DescribeConfigs v1+). */
export const ConfigSource = { DYNAMIC_TOPIC_CONFIG: 1, STATIC_BROKER_CONFIG: 4, DEFAULT_CONFIG: 5 } as const;
/** Kafka's ConfigType ids (DescribeConfigs v3+). */
const ConfigType = { BOOLEAN: 1, STRING: 2, INT: 3, LONG: 5, LIST: 7 } as const;

const LONG_MAX = '9223372036854775807';

export interface Synonym {
  name: string;
  value: string | null;
  source: number;
}

export interface DescribedConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  configSource: number;
  isSensitive: boolean;
  synonyms: Synonym[];
  configType: number;
  documentation: string | null;
}

interface BrokerSetting {
  /** The broker config name (server.properties). */
  name: string;
  type: number;
  /** Kafka's default, as DescribeConfigs prints it; null for a required config (node.id). */
  kafkaDefault: string | null;
  value(c: BrokerConfig): string;
  /** Kafka marks configs that cannot be changed without a restart read-only. */
  readOnly: boolean;
  /** The topic-level config that inherits this setting, if any. */
  topicName?: string;
}

const longOrMax = (n: number) => (Number.isFinite(n) ? String(n) : LONG_MAX);

const SETTINGS: readonly BrokerSetting[] = [
  {
    name: 'auto.create.topics.enable',
    type: ConfigType.BOOLEAN,
    kafkaDefault: 'true',
    value: (c) => String(c.autoCreateTopics),
    readOnly: true,
  },
  {
    name: 'compression.type',
    type: ConfigType.STRING,
    kafkaDefault: 'producer',
    value: () => 'producer',
    readOnly: false,
    topicName: 'compression.type',
  },
  {
    name: 'group.initial.rebalance.delay.ms',
    type: ConfigType.INT,
    kafkaDefault: '3000',
    value: (c) => String(c.initialRebalanceDelayMs),
    readOnly: true,
  },
  {
    name: 'group.max.session.timeout.ms',
    type: ConfigType.INT,
    kafkaDefault: '1800000',
    value: (c) => String(c.maxSessionTimeoutMs),
    readOnly: true,
  },
  {
    name: 'group.min.session.timeout.ms',
    type: ConfigType.INT,
    kafkaDefault: '6000',
    value: (c) => String(c.minSessionTimeoutMs),
    readOnly: true,
  },
  {
    name: 'log.cleanup.policy',
    type: ConfigType.LIST,
    kafkaDefault: 'delete',
    value: () => 'delete',
    readOnly: false,
    topicName: 'cleanup.policy',
  },
  {
    name: 'log.message.timestamp.after.max.ms',
    type: ConfigType.LONG,
    kafkaDefault: '3600000',
    value: (c) => longOrMax(c.messageTimestampAfterMaxMs),
    readOnly: false,
    topicName: 'message.timestamp.after.max.ms',
  },
  {
    name: 'log.message.timestamp.before.max.ms',
    type: ConfigType.LONG,
    kafkaDefault: LONG_MAX,
    value: (c) => longOrMax(c.messageTimestampBeforeMaxMs),
    readOnly: false,
    topicName: 'message.timestamp.before.max.ms',
  },
  {
    name: 'log.message.timestamp.type',
    type: ConfigType.STRING,
    kafkaDefault: 'CreateTime',
    value: () => 'CreateTime',
    readOnly: false,
    topicName: 'message.timestamp.type',
  },
  {
    name: 'log.retention.bytes',
    type: ConfigType.LONG,
    kafkaDefault: '-1',
    value: (c) => String(c.retentionBytes),
    readOnly: false,
    topicName: 'retention.bytes',
  },
  {
    name: 'message.max.bytes',
    type: ConfigType.INT,
    kafkaDefault: '1048588',
    value: (c) => String(c.maxMessageBytes),
    readOnly: false,
    topicName: 'max.message.bytes',
  },
  { name: 'node.id', type: ConfigType.INT, kafkaDefault: null, value: (c) => String(c.nodeId), readOnly: true },
  {
    name: 'num.partitions',
    type: ConfigType.INT,
    kafkaDefault: '1',
    value: (c) => String(c.defaultPartitions),
    readOnly: false,
  },
];

/** A broker setting's synonyms, most specific first: the static value if it is not the default, then the default. */
function brokerSynonyms(s: BrokerSetting, c: BrokerConfig): Synonym[] {
  const value = s.value(c);
  const out: Synonym[] = [];
  if (value !== s.kafkaDefault) out.push({ name: s.name, value, source: ConfigSource.STATIC_BROKER_CONFIG });
  if (s.kafkaDefault !== null) out.push({ name: s.name, value: s.kafkaDefault, source: ConfigSource.DEFAULT_CONFIG });
  return out;
}

function entry(name: string, s: BrokerSetting, c: BrokerConfig, readOnly: boolean, own?: string): DescribedConfig {
  const synonyms = brokerSynonyms(s, c);
  if (own !== undefined) synonyms.unshift({ name, value: own, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
  const [first] = synonyms as [Synonym];
  return {
    name,
    value: first.value,
    readOnly,
    configSource: first.source,
    isSensitive: false,
    synonyms,
    configType: s.type,
    documentation: null,
  };
}

/** The broker resource's configs (the node's own settings), sorted by name as Kafka returns them. */
export function brokerConfigs(c: BrokerConfig): DescribedConfig[] {
  return SETTINGS.map((s) => entry(s.name, s, c, s.readOnly));
}

/** A topic's configs: the topic-level names, each its own override or else its broker setting. */
export function topicConfigs(c: BrokerConfig, overrides: ReadonlyMap<string, string> = new Map()): DescribedConfig[] {
  return SETTINGS.filter((s) => s.topicName !== undefined)
    .map((s) => entry(s.topicName as string, s, c, false, overrides.get(s.topicName as string)))
    .sort((a, b) => a.name.localeCompare(b.name));
}
