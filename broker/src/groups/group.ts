// A consumer group's state as Kafka's GroupMetadata keeps it: Empty -> PreparingRebalance ->
// CompletingRebalance -> Stable (Dead only once deleted), members, generation, committed offsets.
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface Protocol {
  name: string;
  metadata: Buffer;
}

export interface JoinResult {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncResult {
  errorCode: number;
  assignment: Buffer;
}

export interface Member {
  readonly id: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: Protocol[];
  assignment: Buffer;
  awaitingJoin: ((r: JoinResult) => void) | null;
  awaitingSync: ((r: SyncResult) => void) | null;
  sessionTimer: NodeJS.Timeout | null;
}

export interface CommittedOffset {
  offset: number;
  metadata: string | null;
}

export class Group {
  state: GroupState = 'Empty';
  generation = 0;
  protocolType: string | null = null;
  protocol: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /** KIP-394: ids handed out with MEMBER_ID_REQUIRED, waiting for the member's second JoinGroup. */
  readonly pending = new Map<string, NodeJS.Timeout>();
  /** KIP-345 static membership: group.instance.id -> the member id currently holding it. */
  readonly staticMembers = new Map<string, string>();
  joinTimer: NodeJS.Timeout | null = null;
  delayTimer: NodeJS.Timeout | null = null;
  initialDelayUntil = 0;
  readonly offsets = new Map<string, CommittedOffset>();

  constructor(readonly id: string) {}

  static offsetKey(topic: string, partition: number): string {
    return `${topic}\u0000${partition}`;
  }

  static splitOffsetKey(key: string): [topic: string, partition: number] {
    const at = key.lastIndexOf('\u0000');
    return [key.slice(0, at), Number(key.slice(at + 1))];
  }

  /** Protocols every member supports, in the order the first member prefers them. */
  commonProtocols(extra?: Protocol[]): string[] {
    const lists = [...this.members.values()].map((m) => m.protocols.map((p) => p.name));
    if (extra) lists.push(extra.map((p) => p.name));
    const [first, ...rest] = lists;
    return (first ?? []).filter((name) => rest.every((l) => l.includes(name)));
  }

  /** Can a member with these protocols join (Kafka's GroupMetadata.isSupported / supportsProtocols)? */
  supports(protocolType: string, protocols: Protocol[]): boolean {
    if (protocolType === '' || protocols.length === 0) return false;
    if (this.members.size === 0) return true;
    return this.protocolType === protocolType && this.commonProtocols(protocols).length > 0;
  }

  /** Kafka's vote: each member votes for its most preferred protocol among the common ones. */
  selectProtocol(): string {
    const candidates = this.commonProtocols();
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const choice = m.protocols.find((p) => candidates.includes(p.name))?.name;
      if (choice) votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    let best = candidates[0] ?? '';
    for (const c of candidates) if ((votes.get(c) ?? 0) > (votes.get(best) ?? 0)) best = c;
    return best;
  }

  metadataFor(member: Member, protocol: string): Buffer {
    return member.protocols.find((p) => p.name === protocol)?.metadata ?? Buffer.alloc(0);
  }

  /** Kafka's isStaticMemberFenced: the instance id is held by another member id. */
  isFenced(memberId: string, groupInstanceId: string | null): boolean {
    if (groupInstanceId === null) return false;
    const holder = this.staticMembers.get(groupInstanceId);
    return holder !== undefined && holder !== memberId;
  }

  allMembersJoined(): boolean {
    if (this.pending.size > 0) return false;
    for (const m of this.members.values()) if (!m.awaitingJoin) return false;
    return true;
  }

  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }
}
