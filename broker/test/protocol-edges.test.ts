// Broker > protocol edges: what Kafka does for requests it cannot serve (never a hang).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { frame, sendRaw } from './raw-client.ts';

let broker: BrokerHandle;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

describe('Broker > protocol edges', () => {
  it('closes the connection on an unknown API key, as Kafka does', async () => {
    expect(await sendRaw(broker.port, frame(99, 0, 1))).toEqual({ kind: 'closed' });
  });

  it('closes the connection on an unsupported version of a known API', async () => {
    expect(await sendRaw(broker.port, frame(3, 12, 1))).toEqual({ kind: 'closed' });
  });

  it('answers an unsupported ApiVersions version with UNSUPPORTED_VERSION in the v0 layout', async () => {
    const out = await sendRaw(broker.port, frame(18, 9, 77));
    expect(out.kind).toBe('response');
    const body = (out as { body: Buffer }).body;
    expect(body.readInt32BE(0)).toBe(77);
    expect(body.readInt16BE(4)).toBe(35);
    const count = body.readInt32BE(6);
    const keys = Array.from({ length: count }, (_, i) => body.readInt16BE(10 + i * 6));
    expect(keys).toContain(18);
    expect(keys).toContain(0);
  });

  it('closes the connection on a truncated request body', async () => {
    // Metadata v1 announcing 5 topics but carrying none.
    const body = Buffer.alloc(4);
    body.writeInt32BE(5, 0);
    expect(await sendRaw(broker.port, frame(3, 1, 1, body))).toEqual({ kind: 'closed' });
  });

  it('closes the connection on a frame above socket.request.max.bytes', async () => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(200 * 1024 * 1024, 0);
    expect(await sendRaw(broker.port, size)).toEqual({ kind: 'closed' });
  });

  it('keeps serving other connections after closing one', async () => {
    await sendRaw(broker.port, frame(99, 0, 1));
    const out = await sendRaw(broker.port, frame(18, 0, 5));
    expect(out.kind).toBe('response');
    expect((out as { body: Buffer }).body.readInt16BE(4)).toBe(0);
  });
});
