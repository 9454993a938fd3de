// TCP listener and connections. Each connection handles one request at a time, in order, as Kafka
// does (it mutes the channel until the response is sent).
import net from 'node:net';
import type { BrokerState } from '../context.ts';
import { ProtocolError } from '../wire/reader.ts';
import { dispatch } from './dispatch.ts';
import { FrameReader } from './frame-reader.ts';

class Connection {
  clientId = '';
  private readonly frames = new FrameReader();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly socket: net.Socket,
    private readonly broker: BrokerState,
    private readonly log: (msg: string) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => {
      this.closed = true;
    });
  }

  private onData(chunk: Buffer): void {
    let payloads: Buffer[];
    try {
      payloads = this.frames.push(chunk);
    } catch (err) {
      this.log(`closing connection: ${(err as Error).message}`);
      this.close();
      return;
    }
    for (const p of payloads) this.queue = this.queue.then(() => this.handle(p));
  }

  private async handle(payload: Buffer): Promise<void> {
    if (this.closed) return;
    const peer = {
      clientHost: `/${this.socket.remoteAddress ?? '127.0.0.1'}`,
      setClientId: (id: string) => (this.clientId = id),
    };
    try {
      const outcome = await dispatch(payload, this.broker, peer);
      if (this.closed) return;
      if (outcome.kind === 'reply') this.socket.write(outcome.frame);
      else if (outcome.kind === 'close') {
        this.log(`closing connection of ${this.clientId || 'unknown client'}: ${outcome.reason}`);
        this.close();
      }
    } catch (err) {
      const why = err instanceof ProtocolError ? `malformed request: ${err.message}` : (err as Error).stack;
      this.log(`closing connection of ${this.clientId || 'unknown client'}: ${why}`);
      this.close();
    }
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

export class KafkaServer {
  private readonly server: net.Server;
  private readonly connections = new Set<Connection>();

  constructor(broker: BrokerState, log: (msg: string) => void) {
    this.server = net.createServer((socket) => {
      const c = new Connection(socket, broker, log);
      this.connections.add(c);
      socket.on('close', () => this.connections.delete(c));
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  dropConnections(clientId?: string): number {
    let n = 0;
    for (const c of this.connections) {
      if (clientId === undefined || c.clientId === clientId) {
        c.close();
        n++;
      }
    }
    return n;
  }

  close(): Promise<void> {
    this.dropConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
