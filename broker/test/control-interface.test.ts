// Broker > control interface: faults injected over HTTP from "another process" reach kafkajs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { consumerConfig, FAST, kafka, unique, waitFor } from './helpers.ts';

let broker: BrokerHandle;
let url: string;
beforeAll(async () => {
  broker = await startBroker({ controlPort: 0, minSessionTimeoutMs: 500, initialRebalanceDelayMs: 0 });
  url = broker.controlUrl as string;
});
afterAll(() => broker.close());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
};

describe('Broker > control interface', () => {
  it('listens on loopback only', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('injects a Kafka error by name that kafkajs then reports', async () => {
    const topic = unique('ctl');
    const added = await call('POST', '/faults', {
      api: 'CreateTopics',
      action: 'error',
      errorCode: 'TOPIC_ALREADY_EXISTS',
      topic,
    });
    expect(added.status).toBe(201);
    expect((await call('GET', '/faults')).json).toEqual([
      expect.objectContaining({
        id: added.json?.id,
        api: 'CreateTopics',
        remaining: 1,
        action: { kind: 'error', errorCode: 36 },
      }),
    ]);
    const admin = kafka(broker.brokers).admin();
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic }] })).toBe(false);
    expect(await admin.createTopics({ topics: [{ topic }] })).toBe(true);
    await admin.disconnect();
    expect((await call('GET', '/faults')).json).toEqual([]);
  });

  it('expires members and forces rebalances of a live group', async () => {
    const topic = unique('ctl');
    const groupId = unique('g');
    const consumer = kafka(broker.brokers).consumer(consumerConfig(groupId, FAST));
    const members: string[] = [];
    consumer.on(consumer.events.GROUP_JOIN, (e) => members.push(e.payload.memberId));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    await waitFor('joined', () => members.length === 1);

    const rebalance = await call('POST', `/groups/${groupId}/rebalance`);
    expect(rebalance).toMatchObject({ status: 200, json: { rebalancing: true } });
    await waitFor('rejoined after the forced rebalance', () => members.length === 2);
    expect(members[1]).toBe(members[0]);

    const expired = await call('POST', `/groups/${groupId}/expire`, {});
    expect(expired.json).toEqual({ expired: [members[0]] });
    await waitFor('rejoined as a new member', () => members.length === 3);
    expect(members[2]).not.toBe(members[0]);

    const state = await call('GET', '/state');
    expect(state.json?.groups).toEqual(expect.arrayContaining([expect.objectContaining({ groupId, state: 'Stable' })]));
    await consumer.disconnect();
  });

  it('drops connections of one client id', async () => {
    const clientId = unique('victim');
    const admin = kafka(broker.brokers, clientId).admin();
    await admin.connect();
    await admin.listTopics();
    expect((await call('POST', '/connections/drop', { clientId })).json).toEqual({ dropped: 1 });
    expect(Array.isArray(await admin.listTopics())).toBe(true);
    await admin.disconnect();
  });

  it('rejects bad input with problem+json', async () => {
    for (const body of [
      { api: 'Nope', action: 'error' },
      { api: 'Fetch', action: 'explode' },
      { api: 'Fetch', action: 'error', errorCode: 'NOT_A_CODE' },
      { api: 'Fetch', action: 'delay', ms: -1 },
      { api: 'Fetch', action: 'drop', count: 0, when: 'before' },
    ]) {
      const res = await call('POST', '/faults', body);
      expect(res.status).toBe(400);
      expect(res.type).toBe('application/problem+json');
      expect(res.json).toMatchObject({ status: 400, title: 'Bad Request' });
    }
    const notJson = await fetch(`${url}/faults`, { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await call('GET', '/nothing-here')).status).toBe(404);
  });
});
