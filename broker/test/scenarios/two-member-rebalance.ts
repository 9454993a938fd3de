// Two members driven on the wire through a full rebalance: KIP-394 joins, the second join putting the group
// in PreparingRebalance (heartbeat 27), the join barrier, the leader-only member list, a follower's SyncGroup
// held until the leader's, DescribeGroups in each phase, and a LeaveGroup starting the next rebalance.
import * as describeApi from '../../src/apis/describe-groups/schema.ts';
import * as heartbeatApi from '../../src/apis/heartbeat/schema.ts';
import * as joinApi from '../../src/apis/join-group/schema.ts';
import * as leaveApi from '../../src/apis/leave-group/schema.ts';
import * as syncApi from '../../src/apis/sync-group/schema.ts';
import { unique, waitFor } from '../helpers.ts';
import { WireClient } from '../wire-client.ts';

interface Join {
  errorCode: number;
  generationId: number;
  memberId: string;
  leader: string;
  protocolName: string;
  members: { memberId: string; metadata: Buffer }[];
}

export async function twoMemberRebalance(brokers: string): Promise<Record<string, unknown>> {
  const groupId = unique('tm');
  const a = await WireClient.connect(brokers);
  const b = await WireClient.connect(brokers);
  const admin = await WireClient.connect(brokers);
  const protocols = (meta: string) => [
    { name: 'range', metadata: Buffer.from(meta) },
    { name: 'roundrobin', metadata: Buffer.from(meta) },
  ];
  const join = (c: WireClient, memberId: string, meta: string) =>
    c.request<Join>(11, 5, joinApi, {
      groupId,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      memberId,
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: protocols(meta),
    });
  const sync = (
    c: WireClient,
    memberId: string,
    generationId: number,
    assignments: { memberId: string; assignment: Buffer }[] = [],
  ) =>
    c.request<{ errorCode: number; assignment: Buffer }>(14, 3, syncApi, {
      groupId,
      generationId,
      memberId,
      groupInstanceId: null,
      assignments,
    });
  const heartbeat = (c: WireClient, memberId: string, generationId: number) =>
    c.request<{ errorCode: number }>(12, 3, heartbeatApi, { groupId, generationId, memberId, groupInstanceId: null });
  const describe = async () => {
    const g = (await admin.request<describeApi.DescribeGroupsResponse>(15, 2, describeApi, { groups: [groupId] }))
      .groups[0];
    return [g?.groupState, g?.protocolData, g?.members.length];
  };
  try {
    const out: Record<string, unknown> = {};
    const aId = (await join(a, '', 'A')).memberId;
    const a1 = await join(a, aId, 'A');
    out.aFirstJoin = [a1.errorCode, a1.generationId, a1.leader === aId, a1.members.length];
    out.aSync = (
      await sync(a, aId, a1.generationId, [{ memberId: aId, assignment: Buffer.from('a-all') }])
    ).assignment.toString();
    out.stable = await describe();

    const bId = (await join(b, '', 'B')).memberId;
    const bJoining = join(b, bId, 'B');
    out.preparing = await waitFor(
      'the group to leave Stable',
      async () => {
        const d = await describe();
        return d[0] !== 'Stable' && d;
      },
      10_000,
    );
    out.aHeartbeatDuringRebalance = (await heartbeat(a, aId, a1.generationId)).errorCode;
    const [a2, b2] = await Promise.all([join(a, aId, 'A'), bJoining]);
    out.secondGeneration = [a2.generationId, b2.generationId, a2.generationId === a1.generationId + 1];
    out.leaderKept = a2.leader === aId && b2.leader === aId;
    out.protocol = [a2.protocolName, b2.protocolName];
    out.leaderSeesMembers = a2.members.map((m) => (m.memberId === aId ? `A:${m.metadata}` : `B:${m.metadata}`)).sort();
    out.followerSeesMembers = b2.members.length;
    out.completing = await describe();

    const bSyncing = sync(b, bId, b2.generationId);
    // Let B's SyncGroup arrive before the leader's, so it is the held case. Should it arrive later, the group
    // is Stable and answers it at once with the same assignment: the delay can make this less strict, never flaky.
    await new Promise((r) => setTimeout(r, 100));
    const aSync2 = await sync(a, aId, a2.generationId, [
      { memberId: aId, assignment: Buffer.from('a-half') },
      { memberId: bId, assignment: Buffer.from('b-half') },
    ]);
    out.assignments = [aSync2.assignment.toString(), (await bSyncing).assignment.toString()];
    out.stableAgain = await describe();

    const left = await b.request<leaveApi.LeaveGroupResponse>(13, 3, leaveApi, {
      groupId,
      members: [{ memberId: bId, groupInstanceId: null }],
    });
    out.leave = [left.errorCode, left.members.map((m) => m.errorCode)];
    out.aHeartbeatAfterLeave = (await heartbeat(a, aId, a2.generationId)).errorCode;
    const a3 = await join(a, aId, 'A');
    out.thirdGeneration = [a3.errorCode, a3.generationId === a2.generationId + 1, a3.members.length];
    return out;
  } finally {
    a.close();
    b.close();
    admin.close();
  }
}
