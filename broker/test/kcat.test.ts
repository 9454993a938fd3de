// Broker > kcat: librdkafka, a client no one here wrote, against the embedded broker and (when
// KAFKA_BROKERS is set) against Apache Kafka, with the same observations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withKafka } from '../../scripts/testing/infra.ts';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { hasKcat } from './kcat.ts';
import { kcatSession } from './scenarios/kcat-session.ts';

const EXPECTED = {
  metadataListsTopic: true,
  brokerCount: 1,
  consumed: [
    { offset: 0, key: 'k1', payload: 'v1', headers: ['trace', 'abc', 'kind', 'plain'] },
    { offset: 1, key: 'k2', payload: 'v2', headers: ['trace', 'abc', 'kind', 'plain'] },
    { offset: 2, key: 'k3', payload: 'v3', headers: ['kind', 'gzip'] },
    { offset: 3, key: 'k4', payload: 'v4', headers: ['kind', 'idempotent'] },
  ],
  kafkajsSawHeaders: [{ trace: 'abc', kind: 'plain' }, { trace: 'abc', kind: 'plain' }, { kind: 'idempotent' }],
  groupConsumed: 4,
  groupCommitted: 4,
  offsetByTime: 'TOPIC [0] offset 1',
  exitCodes: [0, 0, 0, 0, 0, 0, 0],
};

if (hasKcat()) {
  describe('Broker > kcat', () => {
    let broker: BrokerHandle;
    beforeAll(async () => {
      broker = await startBroker({ initialRebalanceDelayMs: 0 });
    });
    afterAll(() => broker.close());

    it('serves -L, -P with headers (plain, gzip, idempotent), -C with CRC checks, -G and -Q', async () => {
      expect(await kcatSession(broker.brokers)).toEqual(EXPECTED);
    }, 60_000);
  });

  withKafka('Broker > kcat against Apache Kafka', (brokers) => {
    it('observes what the embedded broker gives', async () => {
      expect(await kcatSession(brokers)).toEqual(EXPECTED);
    }, 60_000);
  });
} else {
  describe('Broker > kcat', () => {
    it.skipIf(process.env.CI !== 'true')(
      'needs kcat (apt-get install -y kcat; scripts/infra/install.sh does it)',
      () => {
        throw new Error('kcat is not installed: under CI=true this fails instead of skipping');
      },
    );
  });
}
