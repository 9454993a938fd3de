// Growable big-endian writer for the Kafka wire primitives.
export class Writer {
  private buf: Buffer;
  private pos = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  get length(): number {
    return this.pos;
  }

  int8(v: number): this {
    this.ensure(1);
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
    return this;
  }

  int16(v: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }

  int32(v: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  int64(v: number | bigint): this {
    this.ensure(8);
    this.buf.writeBigInt64BE(BigInt(v), this.pos);
    this.pos += 8;
    return this;
  }

  boolean(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }

  nullableString(v: string | null): this {
    if (v === null) return this.int16(-1);
    const len = Buffer.byteLength(v);
    this.int16(len);
    this.ensure(len);
    this.buf.write(v, this.pos, 'utf8');
    this.pos += len;
    return this;
  }

  nullableBytes(v: Buffer | readonly Buffer[] | null): this {
    if (v === null) return this.int32(-1);
    const parts = Buffer.isBuffer(v) ? [v] : v;
    this.int32(parts.reduce((n, p) => n + p.length, 0));
    for (const p of parts) this.raw(p);
    return this;
  }

  raw(b: Buffer): this {
    this.ensure(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
    return this;
  }

  uvarint(v: number): this {
    let n = v;
    while (n >= 0x80) {
      this.int8((((n & 0x7f) | 0x80) << 24) >> 24);
      n = Math.floor(n / 128);
    }
    return this.int8((n << 24) >> 24);
  }

  compactString(v: string): this {
    const b = Buffer.from(v, 'utf8');
    this.uvarint(b.length + 1);
    return this.raw(b);
  }

  compactNullableString(v: string | null): this {
    return v === null ? this.uvarint(0) : this.compactString(v);
  }

  compactNullableBytes(v: Buffer | readonly Buffer[] | null): this {
    if (v === null) return this.uvarint(0);
    const parts = Buffer.isBuffer(v) ? [v] : v;
    this.uvarint(parts.reduce((n, p) => n + p.length, 0) + 1);
    for (const p of parts) this.raw(p);
    return this;
  }

  /** Compact array length (varint of length + 1); null is 0. */
  compactArrayLength(n: number | null): this {
    return this.uvarint(n === null ? 0 : n + 1);
  }

  emptyTaggedFields(): this {
    return this.uvarint(0);
  }

  /** Overwrites an int32 already written (used for the frame size). */
  patchInt32(at: number, v: number): void {
    this.buf.writeInt32BE(v, at);
  }

  toBuffer(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
