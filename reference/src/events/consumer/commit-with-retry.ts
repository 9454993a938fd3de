/**
 * Commits an offset, retrying a failed commit with exponential backoff (SN-EVENTS-COMMIT-AFTER-EFFECT) for as long as
 * the consumer still owns the partition. A group error (rebalance, fenced generation, unknown member) is rethrown:
 * kafkajs then rejoins, and the partition's next owner starts from the last committed offset, where the inbox
 * skips what was already applied.
 */
const GROUP_ERRORS = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
  'FENCED_INSTANCE_ID',
]);

export function isGroupError(error: unknown): boolean {
  for (let e = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined; e;) {
    if (e.type && GROUP_ERRORS.has(e.type)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

export interface CommitRetryOptions {
  /** False once the consumer stops or the partition is revoked: give up (the next owner re-reads, the inbox dedups). */
  stillOwned: () => boolean;
  onFailure: (error: unknown) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export async function commitWithRetry(commit: () => Promise<void>, options: CommitRetryOptions): Promise<boolean> {
  let delay = options.initialDelayMs ?? 100;
  for (;;) {
    try {
      await commit();
      return true;
    } catch (error) {
      options.onFailure(error);
      if (isGroupError(error)) throw error;
      if (!options.stillOwned()) return false;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5000);
    }
  }
}
