// Admin requests on the wire that kafkajs validates away or never sends: topic-name rules, duplicates in
// one request, explicit assignments, validate_only, and the errors for unknown topics.
import * as cpApi from '../../src/apis/create-partitions/schema.ts';
import * as createApi from '../../src/apis/create-topics/schema.ts';
import * as deleteApi from '../../src/apis/delete-topics/schema.ts';
import * as fcApi from '../../src/apis/find-coordinator/schema.ts';
import * as metadataApi from '../../src/apis/metadata/schema.ts';
import { unique, waitFor } from '../helpers.ts';
import { WireClient } from '../wire-client.ts';

export async function adminWire(brokers: string): Promise<Record<string, unknown>> {
  const c = await WireClient.connect(brokers);
  const base = unique('aw');
  const create = async (topics: Partial<createApi.CreatableTopic>[], validateOnly = false) => {
    const full = topics.map((t) => ({ numPartitions: 1, replicationFactor: 1, assignments: [], configs: [], ...t }));
    const r = await c.request<createApi.CreateTopicsResponse>(19, 3, createApi, {
      topics: full,
      timeoutMs: 5000,
      validateOnly,
    });
    return r.topics.map((t) => t.errorCode);
  };
  try {
    const out: Record<string, unknown> = {};
    out.nameDot = await create([{ name: '.' }]);
    out.name249Chars = await create([{ name: `${'a'.repeat(240)}${base.slice(0, 9)}` }]);
    out.name250Chars = await create([{ name: 'b'.repeat(250) }]);
    out.nameWithSlash = await create([{ name: 'a/b' }]);
    out.sameNameTwice = await create([{ name: `${base}-d` }, { name: `${base}-d` }]);
    out.assignmentsAndCount = await create([
      {
        name: `${base}-x`,
        numPartitions: 2,
        replicationFactor: -1,
        assignments: [{ partitionIndex: 0, brokerIds: [1] }],
      },
    ]);
    out.assignmentsOnly = await create([
      {
        name: `${base}-y`,
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [
          { partitionIndex: 0, brokerIds: [1] },
          { partitionIndex: 1, brokerIds: [1] },
        ],
      },
    ]);
    // Kafka answers CreateTopics once its controller has the topic; the broker's metadata follows a moment later (a
    // busy CI machine saw the gap), so read the partitions once the topic has its leaders, as a client would.
    const md = await waitFor(`${base}-y with a leader for every partition`, async () => {
      const r = await c.request<metadataApi.MetadataResponse>(3, 6, metadataApi, {
        topics: [{ name: `${base}-y` }],
        allowAutoTopicCreation: false,
      });
      const t = r.topics[0];
      return t?.errorCode === 0 && t.partitions.length > 0 && t.partitions.every((p) => p.leaderId >= 0) && r;
    });
    out.assignedPartitions = md.topics[0]?.partitions.length;
    out.validateOnlyExisting = await create([{ name: `${base}-y` }], true);
    out.replicationMinus2 = await create([{ name: `${base}-z`, replicationFactor: -2 }]);
    out.unknownConfigName = await create(
      [{ name: `${base}-c`, configs: [{ name: 'message.format.version', value: '3.0' }] }],
      true,
    );
    out.knownConfigName = await create(
      [{ name: `${base}-c`, configs: [{ name: 'cleanup.policy', value: 'delete' }] }],
      true,
    );
    const bad = await c.request<metadataApi.MetadataResponse>(3, 6, metadataApi, {
      topics: [{ name: 'bad/name' }],
      allowAutoTopicCreation: true,
    });
    out.metadataInvalidName = bad.topics[0]?.errorCode;
    const del = await c.request<deleteApi.DeleteTopicsResponse>(20, 1, deleteApi, {
      topicNames: [`${base}-y`, `${base}-y`, `missing-${base}`],
      timeoutMs: 5000,
    });
    out.deleteTwiceAndMissing = del.responses
      .map((r) => [r.name === `${base}-y` ? 'twice' : 'missing', r.errorCode])
      .sort();
    const cp = await c.request<cpApi.CreatePartitionsResponse>(37, 1, cpApi, {
      topics: [{ name: `missing-${base}`, count: 3, assignments: null }],
      timeoutMs: 5000,
      validateOnly: false,
    });
    out.createPartitionsMissing = cp.results.map((r) => r.errorCode);
    out.findCoordinatorBadKeyType = (
      await c.request<fcApi.FindCoordinatorResponse>(10, 2, fcApi, { key: 'x', keyType: 7 })
    ).errorCode;
    return out;
  } finally {
    c.close();
  }
}
