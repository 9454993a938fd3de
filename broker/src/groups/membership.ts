// SyncGroup, Heartbeat and LeaveGroup, with Kafka's checks in Kafka's order
// (GroupCoordinator.handleSyncGroup / handleHeartbeat / handleLeaveGroup).
import { code } from '../errors.ts';
import type { Group, SyncResult } from './group.ts';
import { maybeCompleteJoin, type RebalanceHooks, removeMember, touchSession } from './rebalance.ts';

export function sync(
  group: Group | undefined,
  memberId: string,
  groupInstanceId: string | null,
  generationId: number,
  assignments: { memberId: string; assignment: Buffer }[],
  hooks: RebalanceHooks,
): Promise<SyncResult> | SyncResult {
  const fail = (errorCode: number): SyncResult => ({ errorCode, assignment: Buffer.alloc(0) });
  if (group?.isFenced(memberId, groupInstanceId)) return fail(code.FENCED_INSTANCE_ID);
  const member = group?.members.get(memberId);
  if (!group || !member) return fail(code.UNKNOWN_MEMBER_ID);
  if (generationId !== group.generation) return fail(code.ILLEGAL_GENERATION);
  touchSession(group, member, hooks);
  switch (group.state) {
    case 'PreparingRebalance':
      return fail(code.REBALANCE_IN_PROGRESS);
    case 'Stable':
      return { errorCode: 0, assignment: member.assignment };
    case 'CompletingRebalance':
      return new Promise((resolve) => {
        member.awaitingSync = resolve;
        if (member.id !== group.leaderId) return;
        for (const m of group.members.values()) {
          m.assignment = assignments.find((a) => a.memberId === m.id)?.assignment ?? Buffer.alloc(0);
        }
        group.state = 'Stable';
        for (const m of group.members.values()) {
          const reply = m.awaitingSync;
          m.awaitingSync = null;
          reply?.({ errorCode: 0, assignment: m.assignment });
        }
      });
    default:
      return fail(code.UNKNOWN_MEMBER_ID);
  }
}

export function heartbeat(
  group: Group | undefined,
  memberId: string,
  groupInstanceId: string | null,
  generationId: number,
  hooks: RebalanceHooks,
): number {
  if (group?.isFenced(memberId, groupInstanceId)) return code.FENCED_INSTANCE_ID;
  const member = group?.members.get(memberId);
  if (!group || !member) return code.UNKNOWN_MEMBER_ID;
  if (generationId !== group.generation) return code.ILLEGAL_GENERATION;
  touchSession(group, member, hooks);
  return group.state === 'PreparingRebalance' ? code.REBALANCE_IN_PROGRESS : 0;
}

export function leave(
  group: Group | undefined,
  givenMemberId: string,
  groupInstanceId: string | null,
  hooks: RebalanceHooks,
): number {
  if (!group) return code.UNKNOWN_MEMBER_ID;
  let memberId = givenMemberId;
  if (groupInstanceId !== null) {
    // A static member may leave by instance id alone (member id "").
    const holder = group.staticMembers.get(groupInstanceId);
    if (holder === undefined) return code.UNKNOWN_MEMBER_ID;
    if (memberId !== '' && memberId !== holder) return code.FENCED_INSTANCE_ID;
    memberId = holder;
  }
  const pendingTimer = group.pending.get(memberId);
  if (pendingTimer) {
    clearTimeout(pendingTimer);
    group.pending.delete(memberId);
    maybeCompleteJoin(group, hooks);
    return 0;
  }
  const member = group.members.get(memberId);
  if (!member) return code.UNKNOWN_MEMBER_ID;
  removeMember(group, member, hooks);
  return 0;
}
