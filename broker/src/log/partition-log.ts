// One partition: an ordered list of opaque batches, each stamped with its base offset.
// High watermark = next offset (no replication, no transactions, so LSO = HWM).
import { readBatchHeader, setBaseOffset } from './record-batch.ts';
import { recordTimes } from './record-timestamps.ts';

export interface StoredBatch {
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  data: Buffer;
}

export interface Retention {
  maxBytes?: number;
  maxRecords?: number;
}

export class PartitionLog {
  readonly batches: StoredBatch[] = [];
  logStartOffset = 0;
  nextOffset = 0;
  bytes = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly retention: Retention = {},
  ) {}

  get highWatermark(): number {
    return this.nextOffset;
  }

  /** Appends a copy of `batch` at the next offset; returns its base offset. */
  append(batch: Buffer): StoredBatch {
    const data = Buffer.from(batch);
    const h = readBatchHeader(data);
    const baseOffset = this.nextOffset;
    setBaseOffset(data, baseOffset);
    const stored = { baseOffset, lastOffset: baseOffset + h.lastOffsetDelta, maxTimestamp: h.maxTimestamp, data };
    this.restore(stored);
    return stored;
  }

  /** Adds a batch that already carries its offset (appends and loading from disk). */
  restore(stored: StoredBatch): void {
    if (this.batches.length === 0) this.logStartOffset = stored.baseOffset;
    this.batches.push(stored);
    this.nextOffset = stored.lastOffset + 1;
    this.bytes += stored.data.length;
    this.enforceRetention();
  }

  private enforceRetention(): void {
    const { maxBytes, maxRecords } = this.retention;
    // Always keep the newest batch, as Kafka keeps the active segment.
    while (this.batches.length > 1) {
      const overBytes = maxBytes !== undefined && this.bytes > maxBytes;
      const overRecords = maxRecords !== undefined && this.nextOffset - this.logStartOffset > maxRecords;
      if (!overBytes && !overRecords) break;
      const dropped = this.batches.shift() as StoredBatch;
      this.bytes -= dropped.data.length;
      this.logStartOffset = (this.batches[0] as StoredBatch).baseOffset;
    }
  }

  /** Index of the first batch whose last offset is >= offset. */
  private indexFor(offset: number): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.batches[mid] as StoredBatch).lastOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whole batches from `offset`, up to `maxBytes`, but always at least one (KIP-74). */
  read(offset: number, maxBytes: number): Buffer[] {
    const out: Buffer[] = [];
    let size = 0;
    for (let i = this.indexFor(offset); i < this.batches.length; i++) {
      const b = this.batches[i] as StoredBatch;
      if (out.length > 0 && size + b.data.length > maxBytes) break;
      out.push(b.data);
      size += b.data.length;
    }
    return out;
  }

  /** Bytes available from `offset` (for Fetch min_bytes). */
  bytesFrom(offset: number): number {
    let size = 0;
    for (let i = this.indexFor(offset); i < this.batches.length; i++)
      size += (this.batches[i] as StoredBatch).data.length;
    return size;
  }

  /** First offset whose record timestamp is >= ts (ListOffsets), or null. */
  offsetForTimestamp(ts: number): { offset: number; timestamp: number } | null {
    for (const b of this.batches) {
      if (b.maxTimestamp < ts) continue;
      const times = recordTimes(b.data);
      if (times === null) return { offset: b.baseOffset, timestamp: b.maxTimestamp };
      const hit = times.find((t) => t.timestamp >= ts);
      if (hit) return { offset: b.baseOffset + hit.offsetDelta, timestamp: hit.timestamp };
    }
    return null;
  }
}
