// The group coordinator of this single node: owns every group and exposes the operations the group
// APIs and the fault controls need. An empty group id is INVALID_GROUP_ID for Join/Sync/Heartbeat/Leave
// (Kafka's isValidGroupId), but allowed for OffsetCommit/OffsetFetch.
import { code } from '../errors.ts';
import { Group, type JoinResult, type SyncResult } from './group.ts';
import { join } from './join.ts';
import type { JoinRequest, MembershipConfig } from './new-member.ts';
import { heartbeat, leave, sync } from './membership.ts';
import { commitError, type CommitPartition, type FetchedOffset, fetchOffsets, storeOffset } from './offsets.ts';
import { prepareRebalance, type RebalanceHooks, removeMember, stopTimers } from './rebalance.ts';

/** Receives offset changes so a file store can persist them. */
export interface OffsetListener {
  offsetsChanged(group: Group): void;
  groupDeleted(groupId: string): void;
}

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly hooks: RebalanceHooks = {};
  listener: OffsetListener | null = null;

  constructor(private readonly config: MembershipConfig) {}

  get(groupId: string): Group | undefined {
    return this.groups.get(groupId);
  }

  all(): Group[] {
    return [...this.groups.values()];
  }

  private getOrCreate(groupId: string): Group {
    let g = this.groups.get(groupId);
    if (!g) {
      g = new Group(groupId);
      this.groups.set(groupId, g);
    }
    return g;
  }

  join(groupId: string, req: JoinRequest): Promise<JoinResult> | JoinResult {
    return join(this.getOrCreate(groupId), req, this.config, this.hooks);
  }

  sync(
    groupId: string,
    memberId: string,
    groupInstanceId: string | null,
    generationId: number,
    assignments: { memberId: string; assignment: Buffer }[],
  ): Promise<SyncResult> | SyncResult {
    if (groupId === '') return { errorCode: code.INVALID_GROUP_ID, assignment: Buffer.alloc(0) };
    return sync(this.groups.get(groupId), memberId, groupInstanceId, generationId, assignments, this.hooks);
  }

  heartbeat(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (groupId === '') return code.INVALID_GROUP_ID;
    return heartbeat(this.groups.get(groupId), memberId, groupInstanceId, generationId, this.hooks);
  }

  leave(groupId: string, memberId: string, groupInstanceId: string | null = null): number {
    if (groupId === '') return code.INVALID_GROUP_ID;
    return leave(this.groups.get(groupId), memberId, groupInstanceId, this.hooks);
  }

  /** Commits, returning one error code per partition in the request's order. */
  commit(
    groupId: string,
    memberId: string,
    generationId: number,
    partitions: CommitPartition[],
    partitionExists: (p: CommitPartition) => boolean,
  ): number[] {
    const existing = this.groups.get(groupId);
    const err = commitError(existing, memberId, generationId, this.hooks);
    if (err !== 0) return partitions.map(() => err);
    const group = existing ?? this.getOrCreate(groupId);
    const codes = partitions.map((p) => (partitionExists(p) ? storeOffset(group, p) : code.UNKNOWN_TOPIC_OR_PARTITION));
    this.listener?.offsetsChanged(group);
    return codes;
  }

  fetchOffsets(groupId: string, wanted: { topic: string; partitions: number[] }[] | null): FetchedOffset[] {
    return fetchOffsets(this.groups.get(groupId), wanted);
  }

  /** DeleteGroups: only an Empty group can go (NON_EMPTY_GROUP otherwise), with its offsets. */
  delete(groupId: string): number {
    const g = this.groups.get(groupId);
    if (!g || g.state === 'Dead') return code.GROUP_ID_NOT_FOUND;
    if (g.state !== 'Empty') return code.NON_EMPTY_GROUP;
    stopTimers(g);
    g.state = 'Dead';
    this.groups.delete(groupId);
    this.listener?.groupDeleted(groupId);
    return 0;
  }

  /** Kafka drops a deleted topic's committed offsets from every group. */
  forgetTopic(topic: string): void {
    for (const g of this.groups.values()) {
      let changed = false;
      for (const key of [...g.offsets.keys()]) {
        if (Group.splitOffsetKey(key)[0] === topic) {
          g.offsets.delete(key);
          changed = true;
        }
      }
      if (changed) this.listener?.offsetsChanged(g);
    }
  }

  /** Restores committed offsets (file store). */
  restoreOffsets(
    groupId: string,
    entries: [topic: string, partition: number, offset: number, metadata: string | null][],
  ): void {
    const g = this.getOrCreate(groupId);
    for (const [topic, partition, offset, metadata] of entries)
      g.offsets.set(Group.offsetKey(topic, partition), { offset, metadata });
  }

  /** Fault control: expire one member's session now (or every member's). Returns the expired ids. */
  expireMember(groupId: string, memberId?: string): string[] {
    const g = this.groups.get(groupId);
    if (!g) return [];
    const victims = [...g.members.values()].filter((m) => memberId === undefined || m.id === memberId);
    for (const m of victims) removeMember(g, m, this.hooks);
    return victims.map((m) => m.id);
  }

  /** Fault control: start a rebalance as if a member had joined. Returns false if nothing to rebalance. */
  forceRebalance(groupId: string): boolean {
    const g = this.groups.get(groupId);
    if (!g || (g.state !== 'Stable' && g.state !== 'CompletingRebalance')) return false;
    prepareRebalance(g, this.hooks);
    return true;
  }

  close(): void {
    for (const g of this.groups.values()) stopTimers(g);
  }
}
