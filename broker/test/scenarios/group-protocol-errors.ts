// The group coordinator's error codes for requests a well-behaved client rarely sends, driven on the
// wire: KIP-394, wrong generations, unknown members, bad session timeouts, protocol mismatches, and
// the data-plane errors (offset out of range, unknown topic or partition).
import * as fetchApi from '../../src/apis/fetch/schema.ts';
import * as heartbeatApi from '../../src/apis/heartbeat/schema.ts';
import * as joinApi from '../../src/apis/join-group/schema.ts';
import * as leaveApi from '../../src/apis/leave-group/schema.ts';
import * as listOffsetsApi from '../../src/apis/list-offsets/schema.ts';
import * as metadataApi from '../../src/apis/metadata/schema.ts';
import * as commitApi from '../../src/apis/offset-commit/schema.ts';
import * as offsetFetchApi from '../../src/apis/offset-fetch/schema.ts';
import * as syncApi from '../../src/apis/sync-group/schema.ts';
import { kafka, unique } from '../helpers.ts';
import { WireClient } from '../wire-client.ts';

type Code = { errorCode: number };
interface Join extends Code {
  generationId: number;
  memberId: string;
  leader: string;
  protocolName: string;
  members: unknown[];
}

export async function groupProtocolErrors(brokers: string): Promise<Record<string, unknown>> {
  const topic = unique('wire');
  const groupId = unique('wire-group');
  const admin = kafka(brokers).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  const c = await WireClient.connect(brokers);
  const protocols = [{ name: 'range', metadata: Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]) }];
  const joinBody = (memberId: string, extra: object = {}) => ({
    groupId,
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 10_000,
    memberId,
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols,
    ...extra,
  });
  const join = (memberId: string, extra?: object) => c.request<Join>(11, 5, joinApi, joinBody(memberId, extra));
  const sync = (memberId: string, generationId: number, assignments: object[] = []) =>
    c.request<Code>(14, 3, syncApi, { groupId, generationId, memberId, groupInstanceId: null, assignments });
  const heartbeat = (memberId: string, generationId: number) =>
    c.request<Code>(12, 3, heartbeatApi, { groupId, generationId, memberId, groupInstanceId: null });
  const commit = async (memberId: string, generationId: number, offset = 7, partitionIndex = 0) => {
    const r = await c.request<commitApi.OffsetCommitResponse>(8, 5, commitApi, {
      groupId,
      generationId,
      memberId,
      topics: [{ name: topic, partitions: [{ partitionIndex, committedOffset: offset, committedMetadata: 'm' }] }],
    });
    return r.topics[0]?.partitions[0]?.errorCode;
  };
  try {
    const out: Record<string, unknown> = {};
    const first = await join('');
    out.joinWithoutId = {
      errorCode: first.errorCode,
      generationId: first.generationId,
      gotId: first.memberId.length > 0,
    };
    const id = first.memberId;
    const joined = await join(id);
    out.joinWithId = {
      errorCode: joined.errorCode,
      generationId: joined.generationId,
      leaderIsSelf: joined.leader === id,
      members: joined.members.length,
      protocol: joined.protocolName,
    };
    const gen = joined.generationId;
    out.syncWrongGeneration = (await sync(id, gen + 5)).errorCode;
    out.syncUnknownMember = (await sync('nobody', gen)).errorCode;
    out.heartbeatBeforeSync = (await heartbeat(id, gen)).errorCode;
    out.commitWhileCompletingRebalance = await commit(id, gen);
    out.sync = (await sync(id, gen, [{ memberId: id, assignment: Buffer.from('x') }])).errorCode;
    out.heartbeat = (await heartbeat(id, gen)).errorCode;
    out.heartbeatWrongGeneration = (await heartbeat(id, gen + 1)).errorCode;
    out.heartbeatUnknownMember = (await heartbeat('nobody', gen)).errorCode;
    out.commitWrongGeneration = await commit(id, gen + 1);
    out.commitUnknownMember = await commit('nobody', gen);
    out.commitUnknownPartition = await commit(id, gen, 1, 9);
    out.commit = await commit(id, gen);
    out.badSessionTimeout = (await join('', { sessionTimeoutMs: 1 })).errorCode;
    out.otherProtocolType = (await join('', { protocolType: 'connect' })).errorCode;
    out.unknownMemberJoin = (await join('nobody')).errorCode;
    const leave = await c.request<leaveApi.LeaveGroupResponse>(13, 3, leaveApi, {
      groupId,
      members: [
        { memberId: id, groupInstanceId: null },
        { memberId: 'nobody', groupInstanceId: null },
      ],
    });
    out.leave = { errorCode: leave.errorCode, members: leave.members.map((m) => m.errorCode) };
    out.heartbeatAfterLeave = (await heartbeat(id, gen)).errorCode;
    out.simpleCommitOnEmptyGroup = await commit('', -1, 9);
    const nullMetadata = await c.request<commitApi.OffsetCommitResponse>(8, 5, commitApi, {
      groupId,
      generationId: -1,
      memberId: '',
      topics: [{ name: topic, partitions: [{ partitionIndex: 1, committedOffset: 4, committedMetadata: null }] }],
    });
    out.nullMetadataCommit = nullMetadata.topics[0]?.partitions[0]?.errorCode;
    const everything = await c.request<offsetFetchApi.OffsetFetchResponse>(9, 4, offsetFetchApi, {
      groupId,
      topics: null,
    });
    out.offsetFetchAll = everything.topics
      .flatMap((t) => t.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.metadata]))
      .sort();
    const fetched = await c.request<offsetFetchApi.OffsetFetchResponse>(9, 4, offsetFetchApi, {
      groupId,
      topics: [{ name: topic, partitionIndexes: [0] }],
    });
    out.offsetFetch = fetched.topics.map((t) => t.partitions.map((p) => [p.committedOffset, p.metadata, p.errorCode]));
    const fetchFar = await c.request<fetchApi.FetchResponse>(1, 11, fetchApi, {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: 1 << 20,
      isolationLevel: 1,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic,
          partitions: [
            { partition: 0, currentLeaderEpoch: -1, fetchOffset: 1000, logStartOffset: -1, partitionMaxBytes: 1 << 20 },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: '',
    });
    out.fetchOutOfRange = fetchFar.responses[0]?.partitions[0]?.errorCode;
    const lo = await c.request<listOffsetsApi.ListOffsetsResponse>(2, 3, listOffsetsApi, {
      replicaId: -1,
      isolationLevel: 1,
      topics: [{ name: topic, partitions: [{ partitionIndex: 5, timestamp: -1 }] }],
    });
    out.listOffsetsUnknownPartition = lo.topics[0]?.partitions[0]?.errorCode;
    out.heartbeatEmptyGroupId = (
      await c.request<Code>(12, 3, heartbeatApi, { groupId: '', generationId: 1, memberId: 'm', groupInstanceId: null })
    ).errorCode;
    out.syncEmptyGroupId = (
      await c.request<Code>(14, 3, syncApi, {
        groupId: '',
        generationId: 1,
        memberId: 'm',
        groupInstanceId: null,
        assignments: [],
      })
    ).errorCode;
    const leaveEmpty = await c.request<leaveApi.LeaveGroupResponse>(13, 3, leaveApi, {
      groupId: '',
      members: [{ memberId: 'm', groupInstanceId: null }],
    });
    out.leaveEmptyGroupId = [leaveEmpty.errorCode, leaveEmpty.members.length];
    const dup = await c.request<listOffsetsApi.ListOffsetsResponse>(2, 3, listOffsetsApi, {
      replicaId: -1,
      isolationLevel: 1,
      topics: [
        {
          name: topic,
          partitions: [
            { partitionIndex: 0, timestamp: -1 },
            { partitionIndex: 0, timestamp: -2 },
          ],
        },
      ],
    });
    out.listOffsetsDuplicatePartition = dup.topics[0]?.partitions.map((p) => p.errorCode);
    const md = await c.request<metadataApi.MetadataResponse>(3, 6, metadataApi, {
      topics: [{ name: unique('wire-missing') }],
      allowAutoTopicCreation: false,
    });
    out.metadataUnknownTopic = md.topics[0]?.errorCode;
    return out;
  } finally {
    c.close();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
