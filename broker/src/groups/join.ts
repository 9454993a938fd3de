// JoinGroup as Kafka's GroupCoordinator.handleJoinGroup: session-timeout bounds, protocol compatibility,
// KIP-394 member ids, KIP-345 static members (static.ts), and when a join starts a rebalance or is answered
// from the current generation.
import { randomUUID } from 'node:crypto';
import { code } from '../errors.ts';
import type { Group, JoinResult, Member, Protocol } from './group.ts';
import { maybeCompleteJoin, prepareRebalance, type RebalanceHooks, touchSession } from './rebalance.ts';
import { addMemberAndRebalance, joinError, type JoinRequest, type MembershipConfig } from './new-member.ts';
import { joinStatic } from './static.ts';

const sameProtocols = (a: Protocol[], b: Protocol[]): boolean =>
  a.length === b.length &&
  a.every((p, i) => p.name === b[i]?.name && p.metadata.equals(b[i]?.metadata ?? Buffer.alloc(0)));

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
      ? [...group.members.values()].map((m) => ({
          memberId: m.id,
          groupInstanceId: m.groupInstanceId,
          metadata: group.metadataFor(m, protocol),
        }))
      : [],
  };
}

export function join(
  group: Group,
  req: JoinRequest,
  cfg: MembershipConfig,
  hooks: RebalanceHooks,
): Promise<JoinResult> | JoinResult {
  if (req.sessionTimeoutMs < cfg.minSessionTimeoutMs || req.sessionTimeoutMs > cfg.maxSessionTimeoutMs) {
    return joinError(code.INVALID_SESSION_TIMEOUT, req.memberId);
  }
  if (!group.supports(req.protocolType, req.protocols))
    return joinError(code.INCONSISTENT_GROUP_PROTOCOL, req.memberId);
  if (req.groupInstanceId !== null) {
    const handled = joinStatic(group, req, cfg, hooks);
    if (handled) return handled;
  }

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
  if (!member || group.state === 'Empty' || group.state === 'Dead')
    return joinError(code.UNKNOWN_MEMBER_ID, req.memberId);

  const unchanged = sameProtocols(member.protocols, req.protocols);
  if (group.state === 'CompletingRebalance' && unchanged) return currentJoinResult(group, member);
  if (group.state === 'Stable' && unchanged && member.id !== group.leaderId) return currentJoinResult(group, member);
  return updateMemberAndRebalance(group, member, req, hooks);
}

function updateMemberAndRebalance(
  group: Group,
  member: Member,
  req: JoinRequest,
  hooks: RebalanceHooks,
): Promise<JoinResult> {
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
