// KIP-345 static membership on the wire: a new instance joins at once, a restarted instance takes a new
// member id without a rebalance and keeps its assignment, the old id is fenced, and it can leave by instance id.
import * as describeApi from '../../src/apis/describe-groups/schema.ts';
import * as heartbeatApi from '../../src/apis/heartbeat/schema.ts';
import * as joinApi from '../../src/apis/join-group/schema.ts';
import * as leaveApi from '../../src/apis/leave-group/schema.ts';
import * as syncApi from '../../src/apis/sync-group/schema.ts';
import { unique } from '../helpers.ts';
import { WireClient } from '../wire-client.ts';

interface Join {
  errorCode: number;
  generationId: number;
  memberId: string;
  leader: string;
  protocolName: string;
  members: unknown[];
}

export async function staticMembership(brokers: string): Promise<Record<string, unknown>> {
  const groupId = unique('sm');
  const c = await WireClient.connect(brokers);
  const admin = await WireClient.connect(brokers);
  const join = (memberId: string, instance: string | null, meta = 'x') =>
    c.request<Join>(11, 5, joinApi, {
      groupId,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      memberId,
      groupInstanceId: instance,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.from(meta) }],
    });
  const heartbeat = async (memberId: string, generationId: number, instance: string | null) =>
    (
      await c.request<{ errorCode: number }>(12, 3, heartbeatApi, {
        groupId,
        generationId,
        memberId,
        groupInstanceId: instance,
      })
    ).errorCode;
  const sync = (memberId: string, generationId: number, instance: string | null, assignments: object[] = []) =>
    c.request<{ errorCode: number; assignment: Buffer }>(14, 3, syncApi, {
      groupId,
      generationId,
      memberId,
      groupInstanceId: instance,
      assignments,
    });
  const describe = async () => {
    const g = (await admin.request<describeApi.DescribeGroupsResponse>(15, 2, describeApi, { groups: [groupId] }))
      .groups[0];
    return [g?.groupState, g?.members.length];
  };
  try {
    const out: Record<string, unknown> = {};
    const j1 = await join('', 'i1');
    const id1 = j1.memberId;
    out.newInstanceJoins = [j1.errorCode, j1.generationId, j1.leader === id1, j1.members.length, id1.startsWith('i1-')];
    out.sync = (await sync(id1, j1.generationId, 'i1', [{ memberId: id1, assignment: Buffer.from('A') }])).errorCode;
    out.stable = await describe();
    const j2 = await join('', 'i1');
    const id2 = j2.memberId;
    out.restartedInstanceRejoins = [
      j2.errorCode,
      j2.generationId,
      j2.leader === id1,
      j2.members.length,
      id2 !== id1,
      j2.protocolName,
    ];
    out.noRebalance = await describe();
    out.heartbeatOldId = await heartbeat(id1, j1.generationId, 'i1');
    out.heartbeatNewId = await heartbeat(id2, j2.generationId, 'i1');
    out.heartbeatNewIdWithoutInstance = await heartbeat(id2, j2.generationId, null);
    out.heartbeatOldIdWithoutInstance = await heartbeat(id1, j2.generationId, null);
    const s2 = await sync(id2, j2.generationId, 'i1');
    out.assignmentKept = [s2.errorCode, s2.assignment.toString()];
    out.syncOldId = (await sync(id1, j1.generationId, 'i1')).errorCode;
    out.joinWithOldId = (await join(id1, 'i1')).errorCode;
    out.joinWithOtherInstance = (await join(id2, 'i2')).errorCode;
    const j3 = await join('', 'i1', 'changed');
    out.rejoinWithChangedMetadata = [j3.errorCode, j3.generationId, j3.members.length];
    out.stillStable = await describe();
    const left = await c.request<leaveApi.LeaveGroupResponse>(13, 3, leaveApi, {
      groupId,
      members: [
        { memberId: '', groupInstanceId: 'i1' },
        { memberId: 'zz', groupInstanceId: 'i9' },
      ],
    });
    out.leaveByInstance = [left.errorCode, left.members.map((m) => m.errorCode)];
    out.empty = await describe();
    return out;
  } finally {
    c.close();
    admin.close();
  }
}
