// Broker > differential: the same kafkajs scenarios against the embedded broker and Apache Kafka
// (KAFKA_BROKERS, started by `npm test`); what a client can observe must be the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withKafka } from '../../scripts/testing/infra.ts';
import { type BrokerHandle, startBroker } from '../src/index.ts';
import { KAFKA_TIMING } from './helpers.ts';
import { adminErrors } from './scenarios/admin-errors.ts';
import { adminWire } from './scenarios/admin-wire.ts';
import { committedOffsets } from './scenarios/committed-offsets.ts';
import { flexibleWire } from './scenarios/flexible-wire.ts';
import type { ScenarioEnv } from './scenarios/env.ts';
import { groupCrash } from './scenarios/group-crash.ts';
import { groupProtocolErrors } from './scenarios/group-protocol-errors.ts';
import { groupRebalance } from './scenarios/group-rebalance.ts';
import { idempotentProducer } from './scenarios/idempotent-producer.ts';
import { offsetManagement } from './scenarios/offset-management.ts';
import { produceConsume } from './scenarios/produce-consume.ts';
import { produceErrors } from './scenarios/produce-errors.ts';
import { staticMembership } from './scenarios/static-membership.ts';
import { twoMemberRebalance } from './scenarios/two-member-rebalance.ts';

/** Assignment invariants (which member gets which partition depends on random member ids). */
const splitShape = (r: { split: [number[], number[]] }) => ({
  sizes: r.split.map((p) => p.length).sort(),
  union: [...r.split[0], ...r.split[1]].sort(),
  disjoint: r.split[0].every((p) => !r.split[1].includes(p)),
});

const scenarios: [string, (env: ScenarioEnv) => Promise<unknown>][] = [
  ['produce/consume with keys and headers across partitions', produceConsume],
  [
    'group of two splits partitions, survivor takes all after LeaveGroup',
    async (env) => {
      const r = await groupRebalance(env);
      return { ...splitShape(r), afterLeave: r.afterLeave };
    },
  ],
  [
    'group of two splits partitions, survivor takes all after a crash',
    async (env) => {
      const r = await groupCrash(env);
      return { ...splitShape(r), afterCrash: r.afterCrash };
    },
  ],
  ['committed offsets survive a consumer restart', committedOffsets],
  ['idempotent producer offsets', idempotentProducer],
  ['offsets by timestamp, setOffsets and resetOffsets on an idle group', offsetManagement],
  ['admin operations and the errors they provoke', adminErrors],
  ['group protocol and data-plane error codes on the wire', (env) => groupProtocolErrors(env.brokers)],
  ['produce validation and idempotent sequences on the wire', (env) => produceErrors(env.brokers)],
  ['admin requests on the wire (name rules, duplicates, assignments, validate_only)', (env) => adminWire(env.brokers)],
  ['a two-member rebalance step by step on the wire', (env) => twoMemberRebalance(env.brokers)],
  ['static membership (KIP-345) on the wire', (env) => staticMembership(env.brokers)],
  [
    'flexible versions on the wire (CreateTopics v4-6, DescribeConfigs, ListGroups v3-5, DescribeTopicPartitions)',
    (env) => flexibleWire(env.brokers),
  ],
];

withKafka('Broker > differential vs Apache Kafka', (kafkaBrokers) => {
  let embedded: BrokerHandle;
  // Kafka's group.min.session.timeout.ms is 6 s and the test Kafka sets group.initial.rebalance.delay.ms=0.
  beforeAll(async () => {
    embedded = await startBroker({ initialRebalanceDelayMs: 0 });
  });
  afterAll(() => embedded.close());

  describe.each(scenarios)('%s', (_name, scenario) => {
    it('observes the same results', async () => {
      const ours = await scenario({ brokers: embedded.brokers, timing: KAFKA_TIMING });
      const kafka = await scenario({ brokers: kafkaBrokers, timing: KAFKA_TIMING });
      expect(ours).toEqual(kafka);
    }, 120_000);
  });
});
