// CRC-32C (Castagnoli), the checksum of magic-v2 record batches. Slicing-by-4 over a 4x256 table.
const POLY = 0x82f63b78;
const T = new Int32Array(4 * 256);
for (let i = 0; i < 256; i++) {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
  T[i] = c;
}
for (let i = 0; i < 256; i++) {
  for (let s = 1; s < 4; s++) {
    const prev = T[(s - 1) * 256 + i] as number;
    T[s * 256 + i] = (prev >>> 8) ^ (T[prev & 0xff] as number);
  }
}

export function crc32c(buf: Buffer, start = 0, end = buf.length): number {
  let crc = ~0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    crc ^=
      (buf[i] as number) |
      ((buf[i + 1] as number) << 8) |
      ((buf[i + 2] as number) << 16) |
      ((buf[i + 3] as number) << 24);
    crc =
      (T[768 + (crc & 0xff)] as number) ^
      (T[512 + ((crc >>> 8) & 0xff)] as number) ^
      (T[256 + ((crc >>> 16) & 0xff)] as number) ^
      (T[crc >>> 24] as number);
  }
  for (; i < end; i++) crc = (T[(crc ^ (buf[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}
