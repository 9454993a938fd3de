// Broker > Kafka's own tools: kafka-topics, kafka-configs, kafka-consumer-groups and the console producer
// and consumer of Apache Kafka 4.4 (Java; scripts/infra/install.sh brings them) against the embedded
// broker and, when KAFKA_BROKERS is set, against Apache Kafka, with the same transcript.
//
// Normalisations (scenarios/kafka-tools-session.ts), each where two correct brokers legitimately differ:
// - topic and group names (unique per run) are replaced by TOPIC, GROUP and LIVE, and runs of spaces in the
//   tools' tables by one (column widths follow the longest value);
// - `TopicId: <uuid>` → `TopicId: ID` (random per topic on both);
// - `kafka-topics --describe`'s `Configs:` drops min.insync.replicas and segment.bytes, which the test
//   Kafka's own setup sets (scripts/infra/kafka/server.properties, `kafka-storage format`);
// - `kafka-configs --describe --all` keeps the configs the embedded broker honours (Kafka has ~30 more per
//   topic and hundreds per broker); the embedded broker must report nothing else (unreportedConfigs = []);
// - a broker synonym `STATIC_BROKER_CONFIG:x=v, DEFAULT_CONFIG:x=v` (server.properties restating Kafka's
//   default) reads as `DEFAULT_CONFIG:x=v`;
// - rows that Kafka prints in hash order (consumed records across partitions, --reset-offsets, group lists)
//   are sorted.
// Node ids need no normalisation (both brokers are node 1), nor leader epochs (the tools do not print them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withKafka } from '../../scripts/testing/infra.ts';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { hasKafkaTools, kafkaTool } from './kafka-tools.ts';
import { unique } from './helpers.ts';
import { kafkaToolsSession, type KafkaToolsTranscript } from './scenarios/kafka-tools-session.ts';

const partitionLine = (p: number) =>
  `\tTopic: TOPIC\tPartition: ${p}\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr:`;
const synonym = (name: string, value: string, broker = name) =>
  ` ${name}=${value} sensitive=false synonyms={DEFAULT_CONFIG:${broker}=${value}}`;
const LONG_MAX = '9223372036854775807';

const EXPECTED: Omit<KafkaToolsTranscript, 'unreportedConfigs'> = {
  create: ['Created topic TOPIC.'],
  createAgain: ["Error while executing topic command : Topic 'TOPIC' already exists."],
  alter: ['Completed updating config for topic TOPIC.'],
  list: ['TOPIC'],
  describe: [
    'Topic: TOPIC\tTopicId: ID\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: retention.bytes=1048576',
    partitionLine(0),
    partitionLine(1),
    partitionLine(2),
  ],
  configsTopic: [
    'Dynamic configs for topic TOPIC are:',
    ' retention.bytes=1048576 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.bytes=1048576, DEFAULT_CONFIG:log.retention.bytes=-1}',
  ],
  configsTopicAll: [
    'All configs for topic TOPIC are:',
    synonym('cleanup.policy', 'delete', 'log.cleanup.policy'),
    synonym('compression.type', 'producer'),
    synonym('max.message.bytes', '1048588', 'message.max.bytes'),
    synonym('message.timestamp.after.max.ms', '3600000', 'log.message.timestamp.after.max.ms'),
    synonym('message.timestamp.before.max.ms', LONG_MAX, 'log.message.timestamp.before.max.ms'),
    synonym('message.timestamp.type', 'CreateTime', 'log.message.timestamp.type'),
    ' retention.bytes=1048576 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.bytes=1048576, DEFAULT_CONFIG:log.retention.bytes=-1}',
  ],
  configsBrokerAll: [
    'All configs for broker 1 are:',
    synonym('auto.create.topics.enable', 'true'),
    synonym('compression.type', 'producer'),
    ' group.initial.rebalance.delay.ms=0 sensitive=false synonyms={STATIC_BROKER_CONFIG:group.initial.rebalance.delay.ms=0, DEFAULT_CONFIG:group.initial.rebalance.delay.ms=3000}',
    synonym('group.max.session.timeout.ms', '1800000'),
    synonym('group.min.session.timeout.ms', '6000'),
    synonym('log.cleanup.policy', 'delete'),
    synonym('log.message.timestamp.after.max.ms', '3600000'),
    synonym('log.message.timestamp.before.max.ms', LONG_MAX),
    synonym('log.message.timestamp.type', 'CreateTime'),
    synonym('log.retention.bytes', '-1'),
    synonym('message.max.bytes', '1048588'),
    ' node.id=1 sensitive=false synonyms={STATIC_BROKER_CONFIG:node.id=1}',
    synonym('num.partitions', '1'),
  ],
  // Keys hash (murmur2, in the producer) to the same partitions on both brokers.
  consumed: [
    'Partition:0\tOffset:0\tkind:second\tk2\tv2',
    'Partition:1\tOffset:0\ttrace:xyz\tk3\tv3',
    'Partition:2\tOffset:0\ttrace:abc,kind:plain\tk1\tv1',
  ],
  groupsListState: ['GROUP STATE', 'GROUP Empty', 'LIVE Stable'],
  groupsListStable: ['GROUP STATE', 'LIVE Stable'],
  groupsListType: ['GROUP TYPE', 'GROUP Classic', 'LIVE Classic'],
  groupsDescribe: [
    'GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID',
    'GROUP TOPIC 0 1 1 0 - - -',
    'GROUP TOPIC 1 1 1 0 - - -',
    'GROUP TOPIC 2 1 1 0 - - -',
  ],
  resetOffsets: ['GROUP TOPIC PARTITION NEW-OFFSET', 'GROUP TOPIC 0 0', 'GROUP TOPIC 1 0', 'GROUP TOPIC 2 0'],
  delete: [],
  exitCodes: {
    create: 0,
    createAgain: 1,
    alter: 0,
    list: 0,
    describe: 0,
    configsTopic: 0,
    configsTopicAll: 0,
    configsBrokerAll: 0,
    produce: 0,
    consume: 0,
    groupsListState: 0,
    groupsListStable: 0,
    groupsListType: 0,
    groupsDescribe: 0,
    resetOffsets: 0,
    delete: 0,
  },
};

// Each tool is a JVM start (a few seconds); a session is 17 of them.
const SESSION_MS = 240_000;

if (hasKafkaTools()) {
  describe('Broker > Kafka tools', () => {
    let broker: BrokerHandle;
    beforeAll(async () => {
      broker = await startBroker({ initialRebalanceDelayMs: 0 });
    });
    afterAll(() => broker.close());

    it(
      'answers kafka-topics, kafka-configs, kafka-consumer-groups and the console producer/consumer',
      async () => {
        const { unreportedConfigs, ...transcript } = await kafkaToolsSession(broker.brokers);
        expect(transcript).toEqual(EXPECTED);
        expect(unreportedConfigs).toEqual([]);
      },
      SESSION_MS,
    );

    it('refuses the KIP-848 consumer group protocol as Kafka does without it (docs/broker.md D3)', async () => {
      const r = await kafkaTool('consoleConsumer', [
        '--bootstrap-server',
        broker.brokers,
        '--topic',
        unique('kt-848'),
        '--group',
        unique('kt-848'),
        '--command-property',
        'group.protocol=consumer',
        '--max-messages',
        '1',
        '--timeout-ms',
        '20000',
      ]);
      expect(r.stdout + r.stderr).toContain(
        'UnsupportedVersionException: The cluster does not support the new CONSUMER group protocol. ' +
          'Set group.protocol=classic on the consumer configs to revert to the CLASSIC protocol until the cluster is upgraded.',
      );
    }, 60_000);
  });

  withKafka('Broker > Kafka tools against Apache Kafka', (brokers) => {
    it(
      'gives the transcript the embedded broker gives',
      async () => {
        const { unreportedConfigs: _more, ...transcript } = await kafkaToolsSession(brokers);
        expect(transcript).toEqual(EXPECTED);
      },
      SESSION_MS,
    );
  });
} else {
  describe('Broker > Kafka tools', () => {
    it.skipIf(process.env.CI !== 'true')('needs Java and .cache/kafka-tools/lib (scripts/infra/install.sh)', () => {
      throw new Error("Kafka's tools are not installed: under CI=true this fails instead of skipping");
    });
  });
}
