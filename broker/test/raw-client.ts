// A bare TCP client for protocol edge cases kafkajs would never send.
import net from 'node:net';

export type RawOutcome = { kind: 'response'; body: Buffer } | { kind: 'closed' };

/** Sends raw bytes and resolves with the first response frame (without its size) or the close. */
export function sendRaw(port: number, bytes: Buffer, timeoutMs = 5000): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no response and no close: the broker hung'));
    }, timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ kind: 'response', body: buf.subarray(4, 4 + buf.readInt32BE(0)) });
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ kind: 'closed' });
    });
    socket.on('error', () => undefined);
  });
}

/** A request frame with header v1 and the given body. */
export function frame(
  apiKey: number,
  version: number,
  correlationId: number,
  body: Buffer = Buffer.alloc(0),
  clientId = 'raw',
): Buffer {
  const id = Buffer.from(clientId);
  const header = Buffer.alloc(10);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(version, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(id.length, 8);
  const payload = Buffer.concat([header, id, body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length, 0);
  return Buffer.concat([size, payload]);
}
