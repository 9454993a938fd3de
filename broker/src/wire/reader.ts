// Big-endian reader for the Kafka wire primitives, classic and compact (flexible versions, KIP-482).
export class ProtocolError extends Error {}

export class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new ProtocolError(`truncated: need ${n} bytes at ${this.pos}`);
  }

  int8(): number {
    this.need(1);
    return this.buf.readInt8(this.pos++);
  }

  int16(): number {
    this.need(2);
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  /** int64 as a number: offsets, timestamps and producer ids stay far below 2^53 here. */
  int64(): number {
    this.need(8);
    const v = Number(this.buf.readBigInt64BE(this.pos));
    this.pos += 8;
    return v;
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  nullableString(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    return this.raw(len).toString('utf8');
  }

  string(): string {
    const s = this.nullableString();
    if (s === null) throw new ProtocolError('null where a string is required');
    return s;
  }

  nullableBytes(): Buffer | null {
    const len = this.int32();
    if (len < 0) return null;
    return this.raw(len);
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  /** Array length: -1 is a null array. */
  arrayLength(): number {
    return this.int32();
  }

  raw(n: number): Buffer {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new ProtocolError('truncated varint');
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new ProtocolError('varint too long');
    }
  }

  compactNullableString(): string | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.raw(len).toString('utf8');
  }

  compactString(): string {
    const s = this.compactNullableString();
    if (s === null) throw new ProtocolError('null where a string is required');
    return s;
  }

  compactNullableBytes(): Buffer | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.raw(len);
  }

  /** Compact array length (varint of length + 1): -1 is a null array. */
  compactArrayLength(): number {
    return this.uvarint() - 1;
  }

  uuid(): Buffer {
    return Buffer.from(this.raw(16));
  }

  /** Skips a tagged-field block (flexible versions): we know no tags, so all are ignored. */
  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.raw(this.uvarint());
    }
  }
}
