// KIP-345 static membership (group.instance.id), as Apache Kafka 4.4 answers it on the classic protocol:
// a new instance joins at once (no MEMBER_ID_REQUIRED); an instance rejoining without a member id takes a
// fresh id, keeps its assignment and, while the group is Stable and the chosen protocol stays, causes no
// rebalance; the previous id is fenced (FENCED_INSTANCE_ID).
import { randomUUID } from 'node:crypto';
import { code } from '../errors.ts';
import type { Group, JoinResult, Member } from './group.ts';
import { addMemberAndRebalance, type JoinRequest, joinError, type MembershipConfig } from './new-member.ts';
import { maybeCompleteJoin, prepareRebalance, type RebalanceHooks, touchSession } from './rebalance.ts';

/** The answer for a static member's JoinGroup, or undefined to continue as for a known dynamic member. */
export function joinStatic(
  group: Group,
  req: JoinRequest,
  cfg: MembershipConfig,
  hooks: RebalanceHooks,
): Promise<JoinResult> | JoinResult | undefined {
  const instance = req.groupInstanceId as string;
  const holder = group.staticMembers.get(instance);
  if (req.memberId === '') {
    const newId = `${instance}-${randomUUID()}`;
    if (holder === undefined) {
      group.staticMembers.set(instance, newId);
      return addMemberAndRebalance(group, newId, req, cfg, hooks);
    }
    return replace(group, holder, newId, req, hooks);
  }
  if (holder === undefined) return joinError(code.UNKNOWN_MEMBER_ID, req.memberId);
  if (holder !== req.memberId) return joinError(code.FENCED_INSTANCE_ID, req.memberId);
  return undefined;
}

function replace(
  group: Group,
  oldId: string,
  newId: string,
  req: JoinRequest,
  hooks: RebalanceHooks,
): Promise<JoinResult> | JoinResult {
  const old = group.members.get(oldId) as Member;
  if (old.sessionTimer) clearTimeout(old.sessionTimer);
  old.awaitingJoin?.(joinError(code.FENCED_INSTANCE_ID, oldId));
  old.awaitingSync?.({ errorCode: code.FENCED_INSTANCE_ID, assignment: Buffer.alloc(0) });
  const member: Member = {
    ...old,
    id: newId,
    clientId: req.clientId,
    clientHost: req.clientHost,
    sessionTimeoutMs: req.sessionTimeoutMs,
    rebalanceTimeoutMs: req.rebalanceTimeoutMs,
    protocols: req.protocols,
    awaitingJoin: null,
    awaitingSync: null,
    sessionTimer: null,
  };
  // Keep the members' order (it decides the next leader and the protocol vote's tie-break).
  const entries = [...group.members.entries()].map(([id, m]): [string, Member] =>
    id === oldId ? [newId, member] : [id, m],
  );
  group.members.clear();
  for (const [id, m] of entries) group.members.set(id, m);
  const leaderBefore = group.leaderId ?? '';
  if (group.leaderId === oldId) group.leaderId = newId;
  group.staticMembers.set(req.groupInstanceId as string, newId);
  touchSession(group, member, hooks);

  if (group.state === 'Stable' && group.selectProtocol() === group.protocol) {
    // Kafka answers from the current generation and still names the leader as it was before the replacement.
    return {
      errorCode: 0,
      generationId: group.generation,
      protocolName: group.protocol ?? '',
      leader: leaderBefore,
      memberId: newId,
      members: [],
    };
  }
  return new Promise((resolve) => {
    member.awaitingJoin = resolve;
    if (group.state === 'PreparingRebalance') maybeCompleteJoin(group, hooks);
    else prepareRebalance(group, hooks);
  });
}
