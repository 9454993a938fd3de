// Apache Kafka's own command-line tools against a broker, as a user would run them: kafka-topics
// --create (no replication factor) / --list / --describe / --delete, kafka-configs --alter (a topic's
// retention.bytes) and --describe (topic and broker), the console producer and consumer with keys and headers, kafka-consumer-groups --list --state
// (with a state filter) / --describe / --reset-offsets. The transcript is normalised only where two
// correct brokers legitimately differ (see NORMALISATIONS in ../kafka-tools.test.ts and docs/broker.md).
import { kafkaTool, type ToolResult } from '../kafka-tools.ts';
import { collect, consumerConfig, kafka, KAFKA_TIMING, unique, waitFor } from '../helpers.ts';

/** The topic configs the embedded broker honours and reports (broker/src/configs/described-configs.ts). */
export const HONOURED_TOPIC_CONFIGS = [
  'cleanup.policy',
  'compression.type',
  'max.message.bytes',
  'message.timestamp.after.max.ms',
  'message.timestamp.before.max.ms',
  'message.timestamp.type',
  'retention.bytes',
];

/** The broker configs it honours and reports. */
export const HONOURED_BROKER_CONFIGS = [
  'auto.create.topics.enable',
  'compression.type',
  'group.initial.rebalance.delay.ms',
  'group.max.session.timeout.ms',
  'group.min.session.timeout.ms',
  'log.cleanup.policy',
  'log.message.timestamp.after.max.ms',
  'log.message.timestamp.before.max.ms',
  'log.message.timestamp.type',
  'log.retention.bytes',
  'message.max.bytes',
  'node.id',
  'num.partitions',
];

/** Topic configs that scripts/infra/kafka/server.properties (and `kafka-storage format`) set on the test Kafka. */
const KAFKA_TEST_SETUP_TOPIC_CONFIGS = ['min.insync.replicas', 'segment.bytes'];

export interface KafkaToolsTranscript {
  create: string[];
  createAgain: string[];
  alter: string[];
  list: string[];
  describe: string[];
  configsTopic: string[];
  configsTopicAll: string[];
  configsBrokerAll: string[];
  consumed: string[];
  groupsListState: string[];
  groupsListStable: string[];
  groupsListType: string[];
  groupsDescribe: string[];
  resetOffsets: string[];
  delete: string[];
  exitCodes: Record<string, number | null>;
  /** Config lines left out of configsTopicAll / configsBrokerAll (configs the broker does not report). */
  unreportedConfigs: string[];
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0);

/** `TopicId: <base64 uuid>` → `TopicId: ID`; the embedded broker has no topic ids (see the test). */
const topicIds = (l: string) => l.replace(/TopicId: [A-Za-z0-9_-]{22}\t/, 'TopicId: ID\t');

/** Drops the config entries the test Kafka's own setup adds from `Configs: a=1,b=2`. */
function topicSetupConfigs(l: string): string {
  return l.replace(
    /Configs: (.*)$/,
    (_m, list: string) =>
      `Configs: ${list
        .split(',')
        .filter((kv) => kv !== '' && !KAFKA_TEST_SETUP_TOPIC_CONFIGS.includes(kv.split('=')[0] ?? ''))
        .join(',')}`,
  );
}

/** Kafka reports a server.properties setting equal to its default as STATIC_BROKER_CONFIG; the embedded broker as DEFAULT_CONFIG. */
const staticDefaults = (l: string) =>
  l.replace(/STATIC_BROKER_CONFIG:([\w.]+)=([^,}]*), DEFAULT_CONFIG:\1=\2}/, 'DEFAULT_CONFIG:$1=$2}');

export async function kafkaToolsSession(brokers: string): Promise<KafkaToolsTranscript> {
  const topic = unique('kt');
  const group = unique('kt-group');
  const live = unique('kt-live');
  const exitCodes: Record<string, number | null> = {};
  const unreportedConfigs: string[] = [];
  const names = (s: string) =>
    s.split(topic).join('TOPIC').split(group).join('GROUP').split(live).join('LIVE').replace(/ {2,}/g, ' ');
  const run = async (
    step: string,
    tool: Parameters<typeof kafkaTool>[0],
    args: string[],
    input = '',
  ): Promise<ToolResult> => {
    const r = await kafkaTool(tool, ['--bootstrap-server', brokers, ...args], input);
    exitCodes[step] = r.code;
    return r;
  };
  const out = (r: ToolResult) => lines(names(r.stdout));
  const configLines = (r: ToolResult, honoured: readonly string[]) =>
    out(r).filter((l) => {
      const m = /^ {1}([\w.]+)=/.exec(l);
      if (m && !honoured.includes(m[1] as string)) {
        unreportedConfigs.push(m[1] as string);
        return false;
      }
      return true;
    });
  const admin = kafka(brokers).admin();
  await admin.connect();
  try {
    const create = out(await run('create', 'topics', ['--create', '--topic', topic, '--partitions', '3']));
    const again = await run('createAgain', 'topics', ['--create', '--topic', topic, '--partitions', '3']);
    const createAgain = lines(names(again.stdout + again.stderr)).filter((l) => l.startsWith('Error'));
    const alter = out(
      await run('alter', 'configs', [
        '--alter',
        '--entity-type',
        'topics',
        '--entity-name',
        topic,
        '--add-config',
        'retention.bytes=1048576',
      ]),
    );
    const list = out(await run('list', 'topics', ['--list'])).filter((l) => l === 'TOPIC');
    const describe = out(await run('describe', 'topics', ['--describe', '--topic', topic])).map((l) =>
      topicSetupConfigs(topicIds(l)).trimEnd(),
    );
    const configsTopic = out(
      await run('configsTopic', 'configs', ['--describe', '--entity-type', 'topics', '--entity-name', topic]),
    );
    const configsTopicAll = configLines(
      await run('configsTopicAll', 'configs', [
        '--describe',
        '--all',
        '--entity-type',
        'topics',
        '--entity-name',
        topic,
      ]),
      HONOURED_TOPIC_CONFIGS,
    );
    const configsBrokerAll = configLines(
      await run('configsBrokerAll', 'configs', [
        '--describe',
        '--all',
        '--entity-type',
        'brokers',
        '--entity-name',
        '1',
      ]),
      HONOURED_BROKER_CONFIGS,
    ).map(staticDefaults);

    await run(
      'produce',
      'consoleProducer',
      ['--topic', topic, '--reader-property', 'parse.key=true', '--reader-property', 'parse.headers=true'],
      'trace:abc,kind:plain\tk1\tv1\nkind:second\tk2\tv2\ntrace:xyz\tk3\tv3\n',
    );
    const consumed = out(
      await run('consume', 'consoleConsumer', [
        '--topic',
        topic,
        '--group',
        group,
        '--from-beginning',
        '--max-messages',
        '3',
        '--timeout-ms',
        '30000',
        '--formatter-property',
        'print.key=true',
        '--formatter-property',
        'print.headers=true',
        '--formatter-property',
        'print.partition=true',
        '--formatter-property',
        'print.offset=true',
      ]),
    ).sort();

    // A second group with a live (kafkajs) member, so the state filter has a Stable group to find.
    const member = kafka(brokers).consumer(consumerConfig(live, KAFKA_TIMING));
    await member.connect();
    await member.subscribe({ topics: [topic], fromBeginning: true });
    const seen = collect(member);
    let groupsListState: string[];
    let groupsListStable: string[];
    let groupsListType: string[];
    try {
      await seen.until(3, 30_000);
      const ours = (l: string) => l.startsWith('GROUP') || l.startsWith('LIVE');
      const [header = '', ...rows] = out(await run('groupsListState', 'consumerGroups', ['--list', '--state'])).filter(
        ours,
      );
      groupsListState = [header, ...rows.sort()];
      groupsListStable = out(await run('groupsListStable', 'consumerGroups', ['--list', '--state', 'Stable'])).filter(
        ours,
      );
      const [typeHeader = '', ...typeRows] = out(
        await run('groupsListType', 'consumerGroups', ['--list', '--type']),
      ).filter(ours);
      groupsListType = [typeHeader, ...typeRows.sort()];
    } finally {
      await member.disconnect();
    }
    const groupsDescribe = out(await run('groupsDescribe', 'consumerGroups', ['--describe', '--group', group]));
    // Kafka prints the reset partitions in hash-map order: rows sorted under the header.
    const [resetHeader = '', ...resetRows] = out(
      await run('resetOffsets', 'consumerGroups', [
        '--reset-offsets',
        '--group',
        group,
        '--topic',
        topic,
        '--to-earliest',
        '--execute',
      ]),
    );
    const resetOffsets = [resetHeader, ...resetRows.sort()];

    const deleted = await run('delete', 'topics', ['--delete', '--topic', topic]);
    await waitFor('the topic to be gone', async () => !(await admin.listTopics()).includes(topic));
    return {
      create,
      createAgain,
      alter,
      list,
      describe,
      configsTopic,
      configsTopicAll,
      configsBrokerAll,
      consumed,
      groupsListState,
      groupsListStable,
      groupsListType,
      groupsDescribe,
      resetOffsets,
      delete: out(deleted),
      exitCodes,
      unreportedConfigs,
    };
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
