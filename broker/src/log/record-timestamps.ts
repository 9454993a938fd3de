// Reads (offsetDelta, timestamp) of each record of a batch, for ListOffsets by timestamp.
// Uncompressed and gzip batches are read exactly; other codecs fall back to the batch's first offset.
import { gunzipSync } from 'node:zlib';
import { compressionOf, readBatchHeader } from './record-batch.ts';

function zigzagVarint(b: Buffer, at: number): [value: number, next: number] {
  let n = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const byte = b[i++];
    if (byte === undefined) throw new Error('truncated varint');
    n += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
    shift += 7;
  }
  return [n % 2 === 1 ? -(n + 1) / 2 : n / 2, i];
}

export interface RecordTime {
  offsetDelta: number;
  timestamp: number;
}

/** Record times of a stored batch, or null when its codec cannot be read here. */
export function recordTimes(batch: Buffer): RecordTime[] | null {
  const h = readBatchHeader(batch);
  const codec = compressionOf(h.attributes);
  let body: Buffer;
  if (codec === 0) body = batch.subarray(61);
  else if (codec === 1) body = gunzipSync(batch.subarray(61));
  else return null;
  const out: RecordTime[] = [];
  let at = 0;
  for (let i = 0; i < h.recordCount; i++) {
    const [length, afterLength] = zigzagVarint(body, at);
    const [timestampDelta, afterTs] = zigzagVarint(body, afterLength + 1);
    const [offsetDelta] = zigzagVarint(body, afterTs);
    out.push({ offsetDelta, timestamp: h.firstTimestamp + timestampDelta });
    at = afterLength + length;
  }
  return out;
}
