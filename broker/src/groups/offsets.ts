// OffsetCommit and OffsetFetch semantics of Kafka's GroupCoordinator (handleCommitOffsets, handleFetchOffsets).
import { code } from '../errors.ts';
import { Group } from './group.ts';
import { type RebalanceHooks, touchSession } from './rebalance.ts';

export const MAX_METADATA_BYTES = 4096;

export interface CommitPartition {
  topic: string;
  partition: number;
  offset: number;
  metadata: string | null;
}

/** The error for the whole commit (Kafka repeats it on every partition), in Kafka's order of checks. */
export function commitError(
  group: Group | undefined,
  memberId: string,
  generationId: number,
  hooks: RebalanceHooks,
): number {
  if (!group) return generationId < 0 ? 0 : code.ILLEGAL_GENERATION;
  if (group.state === 'Dead') return code.COORDINATOR_NOT_AVAILABLE;
  if (generationId < 0 && group.state === 'Empty') return 0;
  const member = group.members.get(memberId);
  if (!member) return code.UNKNOWN_MEMBER_ID;
  if (generationId !== group.generation) return code.ILLEGAL_GENERATION;
  if (group.state === 'CompletingRebalance') return code.REBALANCE_IN_PROGRESS;
  touchSession(group, member, hooks);
  return 0;
}

export function storeOffset(group: Group, p: CommitPartition): number {
  if (p.metadata !== null && Buffer.byteLength(p.metadata) > MAX_METADATA_BYTES) return code.OFFSET_METADATA_TOO_LARGE;
  // Kafka stores a null metadata string as "" (OffsetAndMetadata.NoMetadata).
  group.offsets.set(Group.offsetKey(p.topic, p.partition), { offset: p.offset, metadata: p.metadata ?? '' });
  return 0;
}

export interface FetchedOffset {
  topic: string;
  partition: number;
  offset: number;
  metadata: string | null;
}

/** Committed offsets; `wanted` null means every partition the group has committed. */
export function fetchOffsets(
  group: Group | undefined,
  wanted: { topic: string; partitions: number[] }[] | null,
): FetchedOffset[] {
  if (wanted === null) {
    if (!group) return [];
    return [...group.offsets.entries()].map(([key, c]) => {
      const [topic, partition] = Group.splitOffsetKey(key);
      return { topic, partition, offset: c.offset, metadata: c.metadata };
    });
  }
  return wanted.flatMap((t) =>
    t.partitions.map((partition) => {
      const c = group?.offsets.get(Group.offsetKey(t.topic, partition));
      return { topic: t.topic, partition, offset: c?.offset ?? -1, metadata: c ? c.metadata : '' };
    }),
  );
}
