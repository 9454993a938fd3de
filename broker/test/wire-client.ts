// A minimal Kafka client built on the broker's own schemas, for request sequences kafkajs would not send
// (wrong generations, unknown members, ...). Used against both brokers in the differential suite.
import net from 'node:net';
import { Reader } from '../src/wire/reader.ts';
import { decodeStruct, encodeStruct, type Schema } from '../src/wire/schema.ts';
import { Writer } from '../src/wire/writer.ts';

export interface ApiSchemas {
  request: Schema;
  response: Schema;
  /** The API's first flexible version, if it has one: request header v2, response header v1, compact fields. */
  flexibleFrom?: number;
}

export class WireClient {
  private correlation = 0;
  private buf = Buffer.alloc(0);
  private waiting: ((frame: Buffer) => void) | null = null;
  private failWaiting: ((err: Error) => void) | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      while (this.buf.length >= 4 && this.buf.length >= 4 + this.buf.readInt32BE(0)) {
        const size = this.buf.readInt32BE(0);
        const frame = this.buf.subarray(4, 4 + size);
        this.buf = this.buf.subarray(4 + size);
        this.waiting?.(frame);
      }
    });
    socket.on('close', () => this.failWaiting?.(new Error('connection closed by the broker')));
  }

  static connect(brokers: string): Promise<WireClient> {
    const [host, port] = brokers.split(',')[0]?.split(':') as [string, string];
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), host, () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  async request<T>(apiKey: number, version: number, api: ApiSchemas, body: object): Promise<T> {
    const correlationId = ++this.correlation;
    const w = new Writer();
    const flexible = api.flexibleFrom !== undefined && version >= api.flexibleFrom;
    w.int32(0).int16(apiKey).int16(version).int32(correlationId).nullableString('wire-client');
    if (flexible) w.emptyTaggedFields();
    encodeStruct(w, api.request, version, body, flexible);
    w.patchInt32(0, w.length - 4);
    const frame = await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response to api ${apiKey} v${version}`)), 15_000);
      this.waiting = (f) => {
        clearTimeout(timer);
        resolve(f);
      };
      this.failWaiting = (err) => {
        clearTimeout(timer);
        reject(err);
      };
      this.socket.write(w.toBuffer());
    });
    const r = new Reader(frame);
    if (r.int32() !== correlationId) throw new Error('correlation id mismatch');
    if (flexible) r.skipTaggedFields();
    return decodeStruct<T>(r, api.response, version, flexible);
  }

  close(): void {
    this.socket.destroy();
  }
}
