import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBroker, type BrokerHandle } from '@socialnet/broker';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import type { Database } from '../../src/shared/db/queryable.ts';
import { httpEffectScenarios } from './helpers/http-effect-scenarios.ts';

/** The embedded broker with a data directory, so the outage test can stop it and bring it back on the same port. */
function onEmbeddedBroker(openDb: () => Promise<Database>): void {
  let dataDir: string;
  let broker: BrokerHandle | undefined;
  let port = 0;
  const start = async () => {
    broker = await startBroker({ port, dataDir, initialRebalanceDelayMs: 0 });
    port = broker.port;
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'events-broker-'));
    await start();
  });
  afterAll(async () => {
    await broker?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  httpEffectScenarios(() => [`127.0.0.1:${port}`], openDb, {
    async stop() {
      await broker!.close();
      broker = undefined;
    },
    restart: start,
    faults: () => broker!.faults,
  });
}

// The embedded defaults (`npm start` without KAFKA_BROKERS or DATABASE_URL): the embedded broker and PGlite.
describe('events > HTTP effects > embedded broker', () => {
  describe('with PGlite', () => onEmbeddedBroker(() => createPgliteDatabase()));
});
