// The flexible-version APIs Kafka's Java admin client uses, on the wire: CreateTopics v4-v6 with -1
// defaults and the v5 result, DescribeConfigs v1/v3/v4 (filters, synonyms, config types, errors),
// ListGroups v3-v5 (states and types filters, KIP-518), DescribeTopicPartitions v0 (paging by cursor),
// and topic config overrides: CreateTopics with configs, IncrementalAlterConfigs v0/v1 (SET, DELETE, errors).
import * as createApi from '../../src/apis/create-topics/schema.ts';
import * as dcApi from '../../src/apis/describe-configs/schema.ts';
import * as dtpApi from '../../src/apis/describe-topic-partitions/schema.ts';
import * as iacApi from '../../src/apis/incremental-alter-configs/schema.ts';
import * as listApi from '../../src/apis/list-groups/schema.ts';
import * as metadataApi from '../../src/apis/metadata/schema.ts';
import * as commitApi from '../../src/apis/offset-commit/schema.ts';
import { unique, waitFor } from '../helpers.ts';
import { WireClient } from '../wire-client.ts';

const TOPIC = 2;
const BROKER = 4;

export async function flexibleWire(brokers: string): Promise<Record<string, unknown>> {
  const c = await WireClient.connect(brokers);
  const base = unique('fw');
  const topic = `${base}-t`;
  const group = `${base}-g`;
  const paged = `${base}-p`;
  const create = (
    version: number,
    name: string,
    validateOnly = false,
    numPartitions = -1,
    configs: createApi.CreatableTopic['configs'] = [],
  ) =>
    c.request<createApi.CreateTopicsResponse>(19, version, createApi, {
      topics: [{ name, numPartitions, replicationFactor: -1, assignments: [], configs }],
      timeoutMs: 5000,
      validateOnly,
    });
  const describeConfigs = (version: number, resources: dcApi.DescribeConfigsResource[], includeSynonyms: boolean) =>
    c.request<dcApi.DescribeConfigsResponse>(32, version, dcApi, {
      resources,
      includeSynonyms,
      includeDocumentation: false,
    });
  // Kafka answers CreateTopics once the controller has the topic; the broker's own metadata, which DescribeConfigs,
  // IncrementalAlterConfigs and DescribeTopicPartitions read, follows a moment later (sooner on an idle machine). A
  // client waits until the topic has its leaders before using it, and so does this scenario.
  const led = (name: string) =>
    waitFor(`${name} with a leader for every partition`, async () => {
      const md = await c.request<metadataApi.MetadataResponse>(3, 6, metadataApi, {
        topics: [{ name }],
        allowAutoTopicCreation: false,
      });
      const t = md.topics[0];
      return t?.errorCode === 0 && t.partitions.length > 0 && t.partitions.every((p) => p.leaderId >= 0);
    });
  // Names are unique per run: messages and group ids read with BASE in their place.
  const named = <T>(v: T): T => JSON.parse(JSON.stringify(v).split(base).join('BASE')) as T;
  try {
    const out: Record<string, unknown> = {};
    out.createV4Defaults = (await create(4, `${base}-v4`)).topics.map((t) => [t.errorCode, t.errorMessage]);
    const v5 = (await create(5, topic)).topics[0];
    out.createV5Result = {
      errorCode: v5?.errorCode,
      numPartitions: v5?.numPartitions,
      replicationFactor: v5?.replicationFactor,
      maxMessageBytes: v5?.configs?.find((e) => e.name === 'max.message.bytes'),
    };
    out.createV6Existing = (await create(6, topic, true)).topics.map((t) => [t.errorCode, t.errorMessage]);
    out.createV6ThreePartitions = (await create(6, paged, false, 3)).topics.map((t) => [t.errorCode, t.numPartitions]);
    await led(topic);
    await led(paged);

    for (const v of [1, 3, 4]) {
      const r = await describeConfigs(
        v,
        [
          { resourceType: TOPIC, resourceName: topic, configurationKeys: ['retention.bytes', 'no.such.config'] },
          { resourceType: TOPIC, resourceName: `${base}-missing`, configurationKeys: null },
          { resourceType: BROKER, resourceName: '2', configurationKeys: null },
          { resourceType: BROKER, resourceName: '1', configurationKeys: ['message.max.bytes'] },
        ],
        v !== 3,
      );
      out[`describeConfigsV${v}`] = r.results.map((x) => ({
        error: [x.errorCode, x.errorMessage],
        configs: x.configs,
      }));
    }

    // A group that only holds offsets (a simple commit): Empty, no protocol type.
    await c.request<commitApi.OffsetCommitResponse>(8, 2, commitApi, {
      groupId: group,
      generationId: -1,
      memberId: '',
      retentionTimeMs: -1,
      topics: [{ name: topic, partitions: [{ partitionIndex: 0, committedOffset: 0, committedMetadata: null }] }],
    });
    const listed = async (version: number, statesFilter: string[], typesFilter: string[] = []) =>
      (await c.request<listApi.ListGroupsResponse>(16, version, listApi, { statesFilter, typesFilter })).groups.filter(
        (g) => g.groupId === group,
      );
    out.listGroupsV3 = await listed(3, []);
    out.listGroupsV4 = await listed(4, []);
    out.listGroupsV4EmptyLowercase = await listed(4, ['empty']);
    out.listGroupsV4Stable = await listed(4, ['Stable']);
    out.listGroupsV5Classic = await listed(5, [], ['classic']);
    out.listGroupsV5Consumer = await listed(5, [], ['consumer']);

    // Topic config overrides.
    const withConfigs = (configs: createApi.CreatableTopic['configs']) =>
      create(6, `${base}-o`, true, 1, configs).then((r) => r.topics.map((t) => [t.errorCode, t.errorMessage]));
    out.createNotANumber = await withConfigs([{ name: 'retention.bytes', value: 'abc' }]);
    out.createBelowMinimum = await withConfigs([{ name: 'max.message.bytes', value: '-5' }]);
    out.createIntTooLarge = await withConfigs([{ name: 'max.message.bytes', value: '3000000000' }]);
    const overridden = (await create(5, `${base}-o`, false, 1, [{ name: 'retention.bytes', value: '1000' }])).topics[0];
    out.createWithOverride = overridden?.configs?.find((e) => e.name === 'retention.bytes');
    await led(`${base}-o`);
    const alter = async (
      version: number,
      resourceName: string,
      configs: iacApi.AlterableConfig[],
      validateOnly = false,
    ) =>
      (
        await c.request<iacApi.IncrementalAlterConfigsResponse>(44, version, iacApi, {
          resources: [{ resourceType: TOPIC, resourceName, configs }],
          validateOnly,
        })
      ).responses.map((x) => [x.errorCode, x.errorMessage]);
    const overrides = async () =>
      (
        await describeConfigs(
          4,
          [{ resourceType: TOPIC, resourceName: topic, configurationKeys: ['retention.bytes', 'max.message.bytes'] }],
          true,
        )
      ).results[0]?.configs.map((e) => [
        e.name,
        e.value,
        e.configSource,
        e.synonyms.map((y) => `${y.source}:${y.name}=${y.value}`),
      ]);
    const set = (name: string, value: string | null, configOperation = 0) => ({ name, configOperation, value });
    out.alterV0Set = await alter(0, topic, [set('retention.bytes', '2000'), set('max.message.bytes', '500000')]);
    out.afterSet = await overrides();
    out.alterV1ValidateOnly = await alter(1, topic, [set('retention.bytes', '3000')], true);
    out.alterV1Delete = await alter(1, topic, [set('retention.bytes', null, 1)]);
    out.afterDelete = await overrides();
    out.alterUnknownTopic = await alter(1, `${base}-missing`, [set('retention.bytes', '1')]);
    out.alterUnknownName = await alter(1, topic, [set('no.such.config', '1')]);
    out.alterAppendToLong = await alter(1, topic, [set('retention.bytes', '1', 2)]);
    out.alterBadValue = await alter(1, topic, [set('retention.bytes', 'x')]);
    out.alterSameNameTwice = await alter(1, topic, [set('retention.bytes', '1'), set('retention.bytes', '2')]);

    const page = (cursor: dtpApi.Cursor | null) =>
      c.request<dtpApi.DescribeTopicPartitionsResponse>(75, 0, dtpApi, {
        topics: [{ name: paged }, { name: `${base}-missing` }],
        responsePartitionLimit: 2,
        cursor,
      });
    const shape = (r: dtpApi.DescribeTopicPartitionsResponse) => ({
      topics: r.topics.map((t) => ({
        errorCode: t.errorCode,
        name: t.name === paged ? 'TOPIC' : t.name === `${base}-missing` ? 'MISSING' : t.name,
        hasTopicId: !t.topicId.equals(Buffer.alloc(16)),
        isInternal: t.isInternal,
        partitions: t.partitions,
      })),
      nextCursor: r.nextCursor && {
        ...r.nextCursor,
        topicName: r.nextCursor.topicName === paged ? 'TOPIC' : r.nextCursor.topicName,
      },
    });
    const first = await page(null);
    out.describePartitionsPage1 = shape(first);
    out.describePartitionsPage2 = shape(await page(first.nextCursor));
    return named(out);
  } finally {
    c.close();
  }
}
