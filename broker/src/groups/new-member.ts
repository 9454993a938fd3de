// What every JoinGroup path shares: the request, the coordinator's bounds, the error answer, and adding a new
// member (dynamic, join.ts, or static, static.ts) then starting or joining the rebalance.
import type { Group, JoinResult, Member, Protocol } from './group.ts';
import { maybeCompleteJoin, prepareRebalance, type RebalanceHooks, touchSession } from './rebalance.ts';

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

export const joinError = (errorCode: number, memberId = ''): JoinResult => ({
  errorCode,
  generationId: -1,
  protocolName: '',
  leader: '',
  memberId,
  members: [],
});

export function addMemberAndRebalance(
  group: Group,
  id: string,
  req: JoinRequest,
  cfg: MembershipConfig,
  hooks: RebalanceHooks,
): Promise<JoinResult> {
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
