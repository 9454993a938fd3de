// Magic-v2 record batch headers. Batches are stored opaque, exactly as the client encoded them; the broker
// only reads the header and rewrites baseOffset (bytes 0-7), which the CRC does not cover.
import { crc32c } from './crc32c.ts';

export const BATCH_HEADER_SIZE = 61;

export interface BatchHeader {
  batchLength: number;
  magic: number;
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  firstTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

export function readBatchHeader(b: Buffer): BatchHeader {
  return {
    batchLength: b.readInt32BE(8),
    magic: b.readInt8(16),
    crc: b.readUInt32BE(17),
    attributes: b.readInt16BE(21),
    lastOffsetDelta: b.readInt32BE(23),
    firstTimestamp: Number(b.readBigInt64BE(27)),
    maxTimestamp: Number(b.readBigInt64BE(35)),
    producerId: Number(b.readBigInt64BE(43)),
    producerEpoch: b.readInt16BE(51),
    baseSequence: b.readInt32BE(53),
    recordCount: b.readInt32BE(57),
  };
}

export const compressionOf = (attributes: number): number => attributes & 0x07;
export const isTransactional = (attributes: number): boolean => (attributes & 0x10) !== 0;
export const isControl = (attributes: number): boolean => (attributes & 0x20) !== 0;

export type SplitResult = { ok: true; batches: Buffer[] } | { ok: false; reason: 'corrupt' | 'magic' };

/** Splits a Produce records field into batches, checking framing, magic and CRC-32C. */
export function splitBatches(records: Buffer): SplitResult {
  const batches: Buffer[] = [];
  let at = 0;
  while (at < records.length) {
    if (records.length - at < BATCH_HEADER_SIZE) return { ok: false, reason: 'corrupt' };
    const batchLength = records.readInt32BE(at + 8);
    const end = at + 12 + batchLength;
    if (batchLength < BATCH_HEADER_SIZE - 12 || end > records.length) return { ok: false, reason: 'corrupt' };
    if (records.readInt8(at + 16) !== 2) return { ok: false, reason: 'magic' };
    if (crc32c(records, at + 21, end) !== records.readUInt32BE(at + 17)) return { ok: false, reason: 'corrupt' };
    batches.push(records.subarray(at, end));
    at = end;
  }
  return { ok: true, batches };
}

export function setBaseOffset(batch: Buffer, offset: number): void {
  batch.writeBigInt64BE(BigInt(offset), 0);
}
