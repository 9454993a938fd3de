// Splits a TCP byte stream into Kafka frames (int32 size + payload).
export const MAX_FRAME_BYTES = 100 * 1024 * 1024; // Kafka's socket.request.max.bytes

export class FrameTooLarge extends Error {}

export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds bytes and returns every complete frame payload. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const head = this.peekHead();
      const size = head.readInt32BE(0);
      if (size < 0 || size > MAX_FRAME_BYTES) throw new FrameTooLarge(`frame of ${size} bytes`);
      if (this.buffered < 4 + size) break;
      const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.buffered);
      frames.push(all.subarray(4, 4 + size));
      const rest = all.subarray(4 + size);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }

  private peekHead(): Buffer {
    const first = this.chunks[0] as Buffer;
    if (first.length >= 4) return first;
    const merged = Buffer.concat(this.chunks, this.buffered);
    this.chunks = [merged];
    return merged;
  }
}
