// Broker > garbage input: random request bodies for every (API, version) never crash or hang the broker;
// each gets a response or a closed connection, and the broker keeps serving. Seeded, so failures replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_REGISTRY } from '../src/apis/index.ts';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { frame, sendRaw } from './raw-client.ts';

let broker: BrokerHandle;
beforeAll(async () => {
  broker = await startBroker();
});
afterAll(() => broker.close());

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Broker > garbage input', () => {
  it('answers or closes, never crashes or hangs, for random bodies of every API version', async () => {
    const rand = prng(20261125);
    const outcomes = { response: 0, closed: 0 };
    let sent = 0;
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message.split('\n')[0] ?? '');
    process.on('warning', onWarning);
    for (const api of API_REGISTRY.values()) {
      for (let v = api.minVersion; v <= api.maxVersion; v++) {
        for (let i = 0; i < 4; i++) {
          const body = Buffer.from(Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)));
          // Small array lengths now and then, so decoding gets past the first field.
          if (body.length > 8 && rand() < 0.5) body.writeInt32BE(Math.floor(rand() * 3), 0);
          sent += 1;
          const out = await sendRaw(broker.port, frame(api.key, v, i, body), 10_000);
          outcomes[out.kind] += 1;
        }
      }
    }
    process.off('warning', onWarning);
    expect(outcomes.response + outcomes.closed).toBe(sent);
    expect(outcomes.response).toBeGreaterThan(0);
    expect(outcomes.closed).toBeGreaterThan(0);
    // A handler that throws answers UNKNOWN_SERVER_ERROR and warns: none should, whatever the input.
    expect(warnings).toEqual([]);
    const alive = await sendRaw(broker.port, frame(18, 0, 1));
    expect(alive.kind).toBe('response');
  }, 60_000);
});
