import { Registry } from 'prom-client';
import { startBroker, type BrokerHandle } from '@socialnet/broker';
import { startEventSide, startPlatform, type Platform } from '@socialnet/reference';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import emitted from '../src/checks/events/emitted.ts';
import { runChecks } from '../src/engine/runner.ts';
import { loadSpec } from '../src/spec/load.ts';
import { explain } from './harness/expect-run.ts';

const jwtSecret = 'events-conformance-secret-0123456789';
const spec = await loadSpec();
let broker: BrokerHandle;
let platform: Platform;

const run = (kafkaBrokers?: string[]) =>
  runChecks({
    spec,
    target: { baseUrl: platform.baseUrl, services: {} },
    checks: [emitted],
    options: { timeoutMs: 10_000, concurrency: 4, jwtSecret, kafkaBrokers, eventDeadlineMs: 8_000 },
  });

async function eventSide(relay: boolean) {
  const side = await startEventSide({
    db: platform.db,
    brokers: [`127.0.0.1:${broker.port}`],
    logger: platform.log,
    registry: new Registry(),
    relay,
    consumers: false,
    relayMaxBackoffMs: 200,
  });
  return side;
}

describe('events.emitted against the reference with its event side on the embedded broker', () => {
  beforeAll(async () => {
    broker = await startBroker({ port: 0, initialRebalanceDelayMs: 0 });
    platform = await startPlatform({ jwtSecret, logLevel: 'silent' });
  });
  afterAll(async () => {
    await platform?.close();
    await broker?.close();
  });

  it('is skipped, not passed, without --kafka-brokers', async () => {
    const result = await run();
    expect(result.checks[0]).toMatchObject({
      status: 'skipped',
      reason: 'not selected: needs --kafka-brokers',
      targets: [],
    });
  });

  it(
    'fails when the outbox is never relayed to Kafka (the event is lost), and passes when it is',
    { timeout: 120_000 },
    async () => {
      const stopped = await eventSide(false);
      const lost = await run([`127.0.0.1:${broker.port}`]);
      await stopped.close();
      expect(lost.checks[0]!.status, explain(lost)).toBe('fail');
      expect(lost.checks[0]!.targets.flatMap((t) => t.findings.map((f) => f.received))).toContain(
        'none (0 other records)',
      );

      const relaying = await eventSide(true);
      try {
        const ok = await run([`127.0.0.1:${broker.port}`]);
        expect(ok.checks[0]!.status, explain(ok)).toBe('pass');
        expect(ok.checks[0]!.targets.map((t) => t.operationId).sort()).toEqual(
          spec.operations
            .filter((o) => o.emits.length)
            .map((o) => o.operationId)
            .sort(),
        );
      } finally {
        await relaying.close();
      }
    },
  );
});
