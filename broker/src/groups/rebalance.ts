// The rebalance machinery of Kafka's GroupCoordinator: session timers, the join barrier (all members
// rejoined, or the rebalance timeout), generation bumps, and what happens when a member goes away.
import { code } from '../errors.ts';
import type { Group, Member } from './group.ts';

export interface RebalanceHooks {
  /** Called after a generation completes or a group becomes Empty (for persistence and tests). */
  onGenerationChange?(group: Group): void;
}

function clearTimer(t: NodeJS.Timeout | null): null {
  if (t) clearTimeout(t);
  return null;
}

/** (Re)starts a member's session: it is removed when nothing refreshes it for sessionTimeoutMs. */
export function touchSession(group: Group, member: Member, hooks: RebalanceHooks): void {
  clearTimer(member.sessionTimer);
  member.sessionTimer = setTimeout(() => {
    member.sessionTimer = null;
    // Kafka keeps a member alive while its JoinGroup or SyncGroup is parked.
    if (member.awaitingJoin || member.awaitingSync) touchSession(group, member, hooks);
    else if (group.members.get(member.id) === member) removeMember(group, member, hooks);
  }, member.sessionTimeoutMs);
}

/** Moves the group to PreparingRebalance; parked SyncGroups get REBALANCE_IN_PROGRESS. */
export function prepareRebalance(group: Group, hooks: RebalanceHooks, initialDelayMs = 0): void {
  if (group.state === 'CompletingRebalance') {
    for (const m of group.members.values()) {
      m.assignment = Buffer.alloc(0);
      const reply = m.awaitingSync;
      m.awaitingSync = null;
      reply?.({ errorCode: code.REBALANCE_IN_PROGRESS, assignment: Buffer.alloc(0) });
    }
  }
  const wasEmpty = group.state === 'Empty';
  group.state = 'PreparingRebalance';
  group.joinTimer = clearTimer(group.joinTimer);
  const timeout = Math.max(group.rebalanceTimeoutMs(), initialDelayMs);
  group.joinTimer = setTimeout(() => completeJoin(group, hooks), timeout);
  if (wasEmpty && initialDelayMs > 0) {
    group.initialDelayUntil = Date.now() + initialDelayMs;
    group.delayTimer = clearTimer(group.delayTimer);
    group.delayTimer = setTimeout(() => maybeCompleteJoin(group, hooks), initialDelayMs);
  } else {
    maybeCompleteJoin(group, hooks);
  }
}

export function maybeCompleteJoin(group: Group, hooks: RebalanceHooks): void {
  if (group.state !== 'PreparingRebalance') return;
  if (Date.now() < group.initialDelayUntil) return;
  if (group.allMembersJoined()) completeJoin(group, hooks);
}

/** Ends the join phase: members that did not rejoin are dropped, the generation advances. */
export function completeJoin(group: Group, hooks: RebalanceHooks): void {
  if (group.state !== 'PreparingRebalance') return;
  group.joinTimer = clearTimer(group.joinTimer);
  group.delayTimer = clearTimer(group.delayTimer);
  group.initialDelayUntil = 0;
  for (const m of [...group.members.values()]) if (!m.awaitingJoin) dropMember(group, m);

  group.generation += 1;
  if (group.members.size === 0) {
    group.state = 'Empty';
    group.protocol = null;
    group.leaderId = null;
    hooks.onGenerationChange?.(group);
    return;
  }
  const protocol = group.selectProtocol();
  group.protocol = protocol;
  if (!group.leaderId || !group.members.has(group.leaderId)) group.leaderId = group.members.keys().next().value ?? null;
  group.state = 'CompletingRebalance';
  const leader = group.leaderId as string;
  const all = [...group.members.values()].map((m) => ({
    memberId: m.id,
    groupInstanceId: m.groupInstanceId,
    metadata: group.metadataFor(m, protocol),
  }));
  for (const m of group.members.values()) {
    const reply = m.awaitingJoin;
    m.awaitingJoin = null;
    touchSession(group, m, hooks);
    reply?.({
      errorCode: 0,
      generationId: group.generation,
      protocolName: protocol,
      leader,
      memberId: m.id,
      members: m.id === leader ? all : [],
    });
  }
  hooks.onGenerationChange?.(group);
}

function dropMember(group: Group, member: Member): void {
  member.sessionTimer = clearTimer(member.sessionTimer);
  group.members.delete(member.id);
  if (member.groupInstanceId !== null && group.staticMembers.get(member.groupInstanceId) === member.id) {
    group.staticMembers.delete(member.groupInstanceId);
  }
}

/** A member left, was expired or fenced: the others rebalance (or the group empties). */
export function removeMember(group: Group, member: Member, hooks: RebalanceHooks): void {
  dropMember(group, member);
  const reply = member.awaitingJoin;
  member.awaitingJoin = null;
  reply?.({
    errorCode: code.UNKNOWN_MEMBER_ID,
    generationId: -1,
    protocolName: '',
    leader: '',
    memberId: member.id,
    members: [],
  });
  if (group.state === 'Stable' || group.state === 'CompletingRebalance') prepareRebalance(group, hooks);
  else if (group.state === 'PreparingRebalance') maybeCompleteJoin(group, hooks);
}

export function stopTimers(group: Group): void {
  group.joinTimer = clearTimer(group.joinTimer);
  group.delayTimer = clearTimer(group.delayTimer);
  for (const t of group.pending.values()) clearTimeout(t);
  group.pending.clear();
  for (const m of group.members.values()) m.sessionTimer = clearTimer(m.sessionTimer);
}
