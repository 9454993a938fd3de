import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import consumerIdempotency from '../../src/checks/events/consumer-idempotency.ts';
import dlq from '../../src/checks/events/dlq.ts';
import emitted from '../../src/checks/events/emitted.ts';
import { defectsOf } from '../../src/engine/check.ts';
import { runChecks } from '../../src/engine/runner.ts';
import { loadSpec } from '../../src/spec/load.ts';
import D1, { originalConsumers } from '../defects/D1-consumer-no-idempotency-no-dlq.ts';
import { explain, withStatus } from '../harness/expect-run.ts';
import { ReferenceWithEventSide } from './reference-with-event-side.ts';

// The event checks (tag `events`); events.consumer-idempotency and events.dlq are tagged defect:D1.
const EVENT_CHECKS = [emitted, consumerIdempotency, dlq];
const spec = await loadSpec();

/**
 * The proof for review defect 1: the event checks pass the reference and fail exactly as tagged against D1 and
 * against each of its halves, on the broker `brokers` names (undefined: an embedded broker started for the run).
 */
export function proveD1(broker: string, brokers?: string[]): void {
  const ref = new ReferenceWithEventSide();

  const run = () =>
    runChecks({
      spec,
      target: ref.target,
      checks: EVENT_CHECKS,
      options: {
        timeoutMs: 10_000,
        concurrency: 4,
        jwtSecret: ref.jwtSecret,
        kafkaBrokers: ref.brokers,
        eventDeadlineMs: 8_000,
      },
    });

  const labels = (result: Awaited<ReturnType<typeof run>>, id: string) =>
    Object.fromEntries(result.checks.find((c) => c.id === id)!.targets.map((t) => [t.label, t.status]));

  describe(`${D1.id} ${D1.slug} (${broker}): ${D1.reproduces}`, () => {
    beforeAll(() => ref.start(brokers));
    afterAll(() => ref.close());

    it('the reference (inbox, DLQ) passes every event check', { timeout: 60_000 }, async () => {
      await ref.useEventSide();
      const result = await run();
      expect(withStatus(result, 'pass'), explain(result)).toEqual(EVENT_CHECKS.map((c) => c.id).sort());
      expect(Object.keys(labels(result, 'events.consumer-idempotency')).sort()).toEqual([
        'messages.created → notification-service (notificationServiceReceiveMessageCreated)',
        'posts.created → feed-service (feedServiceReceivePostCreated)',
      ]);
      expect(Object.keys(labels(result, 'events.dlq')).length).toBe(2);
    });

    it(
      'with the original consumers exactly the checks tagged defect:D1 fail, each finding naming its clause',
      { timeout: 60_000 },
      async () => {
        await ref.useEventSide(D1.variant.consumers);
        const result = await run();
        expect(withStatus(result, 'fail'), explain(result)).toEqual(
          EVENT_CHECKS.filter((c) => defectsOf(c).includes('D1'))
            .map((c) => c.id)
            .sort(),
        );
        expect(withStatus(result, 'error'), explain(result)).toEqual([]);
        expect(withStatus(result, 'blocked'), explain(result)).toEqual([]);
        const findings = result.checks.flatMap((c) => c.targets.flatMap((t) => t.findings));
        // notifications are applied once per delivery; the feed's timeline key hides the duplicate (one entry anyway)
        expect(labels(result, 'events.consumer-idempotency')).toEqual({
          'messages.created → notification-service (notificationServiceReceiveMessageCreated)': 'fail',
          'posts.created → feed-service (feedServiceReceivePostCreated)': 'pass',
        });
        const twice = findings.find((f) => f.checkId === 'events.consumer-idempotency')!;
        expect(twice).toMatchObject({
          clause: { id: 'SN-EVENTS-CONSUMER-IDEMPOTENT' },
          received: '2 matching item(s)',
          location: { file: 'specs/asyncapi/messages.yaml' },
        });
        // reproduction: the same record produced twice with kcat, then the read that shows two notifications
        expect(twice.exchange?.curl.split('\n')).toEqual([
          expect.stringMatching(/\| kcat -P .* -t messages\.created -p \d+ /),
          expect.stringMatching(/\| kcat -P /),
          expect.stringMatching(/^curl .*\/api\/notifications/),
        ]);
        const dead = findings.filter((f) => f.checkId === 'events.dlq');
        expect(dead).toHaveLength(2);
        for (const f of dead) {
          expect(f.clause?.id).toBe('SN-EVENTS-DLQ');
          expect(f.received).toMatch(/^not there \(\d+ other records on .*\.dlq\): the poison record was dropped$/);
          expect(f.exchange?.curl).toMatch(/kcat -C .* -t [a-z-]+\.[a-z]+\.created\.dlq -o beginning/);
        }
      },
    );

    // Each half of the defect is caught by its own check alone: the checks do not depend on each other's deviation.
    it.each([
      [{ noInbox: true }, 'events.consumer-idempotency'],
      [{ dropPoison: true }, 'events.dlq'],
    ] as const)('with only %o, only %s fails', { timeout: 60_000 }, async (faults, failing) => {
      await ref.useEventSide(originalConsumers(faults));
      const result = await run();
      expect(withStatus(result, 'fail'), explain(result)).toEqual([failing]);
      expect(withStatus(result, 'pass'), explain(result)).toEqual(
        EVENT_CHECKS.map((c) => c.id)
          .filter((id) => id !== failing)
          .sort(),
      );
    });
  });
}
