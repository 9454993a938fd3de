// JoinGroup, SyncGroup, Heartbeat and LeaveGroup, with Kafka's checks in Kafka's order
// (GroupCoordinator.handleJoinGroup / handleSyncGroup / handleHeartbeat / handleLeaveGroup).
import { randomUUID } from 'node:crypto';
import { code } from '../errors.ts';
import type { Group, JoinResult, Member, Protocol, SyncResult } from './group.ts';
import { maybeCompleteJoin, prepareRebalance, type RebalanceHooks, removeMember, touchSession } from './rebalance.ts';

export interface JoinRequest {
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: Protocol[];
  clientId: string;
  clientHost: string;
  /** KIP-394 applies from JoinGroup v4. */
  requireKnownMemberId: boolean;
}

export interface MembershipConfig {
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  initialRebalanceDelayMs: number;
}

const joinError = (errorCode: number, memberId = ''): JoinResult => ({
  errorCode,
  generationId: -1,
  protocolName: '',
  leader: '',
  memberId,
  members: [],
});

const sameProtocols = (a: Protocol[], b: Protocol[]): boolean =>
  a.length === b.length && a.every((p, i) => p.name === b[i]?.name && p.metadata.equals(b[i]?.metadata ?? Buffer.alloc(0)));

function currentJoinResult(group: Group, member: Member): JoinResult {
  const protocol = group.protocol ?? '';
  const isLeader = member.id === group.leaderId;
  return {
    errorCode: 0,
    generationId: group.generation,
    protocolName: protocol,
    leader: group.leaderId ?? '',
    memberId: member.id,
    members: isLeader
      ? [...group.members.values()].map((m) => ({ memberId: m.id, groupInstanceId: m.groupInstanceId, metadata: group.metadataFor(m, protocol) }))
      : [],
  };
}

export function join(group: Group, req: JoinRequest, cfg: MembershipConfig, hooks: RebalanceHooks): Promise<JoinResult> | JoinResult {
  if (req.sessionTimeoutMs < cfg.minSessionTimeoutMs || req.sessionTimeoutMs > cfg.maxSessionTimeoutMs) {
    return joinError(code.INVALID_SESSION_TIMEOUT, req.memberId);
  }
  if (!group.supports(req.protocolType, req.protocols)) return joinError(code.INCONSISTENT_GROUP_PROTOCOL, req.memberId);

  if (req.memberId === '') {
    const id = `${req.clientId}-${randomUUID()}`;
    if (req.requireKnownMemberId) {
      const timer = setTimeout(() => {
        group.pending.delete(id);
        maybeCompleteJoin(group, hooks);
      }, req.sessionTimeoutMs);
      group.pending.set(id, timer);
      return joinError(code.MEMBER_ID_REQUIRED, id);
    }
    return addMemberAndRebalance(group, id, req, cfg, hooks);
  }
  const pendingTimer = group.pending.get(req.memberId);
  if (pendingTimer) {
    clearTimeout(pendingTimer);
    group.pending.delete(req.memberId);
    return addMemberAndRebalance(group, req.memberId, req, cfg, hooks);
  }
  const member = group.members.get(req.memberId);
  if (!member || group.state === 'Empty' || group.state === 'Dead') return joinError(code.UNKNOWN_MEMBER_ID, req.memberId);

  const unchanged = sameProtocols(member.protocols, req.protocols);
  if (group.state === 'CompletingRebalance' && unchanged) return currentJoinResult(group, member);
  if (group.state === 'Stable' && unchanged && member.id !== group.leaderId) return currentJoinResult(group, member);
  return updateMemberAndRebalance(group, member, req, hooks);
}

function addMemberAndRebalance(group: Group, id: string, req: JoinRequest, cfg: MembershipConfig, hooks: RebalanceHooks): Promise<JoinResult> {
  return new Promise((resolve) => {
    const member: Member = {
      id,
      groupInstanceId: req.groupInstanceId,
      clientId: req.clientId,
      clientHost: req.clientHost,
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      protocolType: req.protocolType,
      protocols: req.protocols,
      assignment: Buffer.alloc(0),
      awaitingJoin: resolve,
      awaitingSync: null,
      sessionTimer: null,
    };
    if (group.members.size === 0) group.protocolType = req.protocolType;
    group.members.set(id, member);
    touchSession(group, member, hooks);
    if (group.state === 'PreparingRebalance') maybeCompleteJoin(group, hooks);
    else prepareRebalance(group, hooks, group.state === 'Empty' ? cfg.initialRebalanceDelayMs : 0);
  });
}

function updateMemberAndRebalance(group: Group, member: Member, req: JoinRequest, hooks: RebalanceHooks): Promise<JoinResult> {
  return new Promise((resolve) => {
    const previous = member.awaitingJoin;
    member.protocols = req.protocols;
    member.sessionTimeoutMs = req.sessionTimeoutMs;
    member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    member.awaitingJoin = resolve;
    previous?.(joinError(code.REBALANCE_IN_PROGRESS, member.id));
    touchSession(group, member, hooks);
    if (group.state === 'PreparingRebalance') maybeCompleteJoin(group, hooks);
    else prepareRebalance(group, hooks);
  });
}

export function sync(
  group: Group | undefined,
  memberId: string,
  generationId: number,
  assignments: { memberId: string; assignment: Buffer }[],
  hooks: RebalanceHooks,
): Promise<SyncResult> | SyncResult {
  const fail = (errorCode: number): SyncResult => ({ errorCode, assignment: Buffer.alloc(0) });
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

export function heartbeat(group: Group | undefined, memberId: string, generationId: number, hooks: RebalanceHooks): number {
  const member = group?.members.get(memberId);
  if (!group || !member) return code.UNKNOWN_MEMBER_ID;
  if (generationId !== group.generation) return code.ILLEGAL_GENERATION;
  touchSession(group, member, hooks);
  return group.state === 'PreparingRebalance' ? code.REBALANCE_IN_PROGRESS : 0;
}

export function leave(group: Group | undefined, memberId: string, hooks: RebalanceHooks): number {
  if (!group) return code.UNKNOWN_MEMBER_ID;
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
