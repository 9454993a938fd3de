/**
 * DLQ replay: `npx tsx reference/src/events/replay/cli.ts --group notification-service --topic messages.created [options]`
 *   --brokers host:port,...   default KAFKA_BROKERS
 *   --namespace prefix        the topic/group prefix the platform runs with (default none)
 *   --position P:O            a DLQ record's partition:offset (repeatable)
 *   --event-id UUID           records with this ce_id (repeatable)
 *   --reason R                records with this dlq-reason (repeatable), e.g. retries-exhausted
 *   --all                     every record of the DLQ (required when no filter is given, so nothing is replayed by accident)
 *   --dry-run                 list what would be replayed, publish nothing
 * Prints one JSON line per replayed record, then a summary line.
 */
import { parseArgs } from 'node:util';
import { parseBrokerList } from '../broker-list.ts';
import { createKafka } from '../kafka-client.ts';
import { loadEventTopology, withNamespace } from '../topology.ts';
import { replayDeadLetters } from './replay-dead-letters.ts';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS },
    namespace: { type: 'string', default: '' },
    group: { type: 'string' },
    topic: { type: 'string' },
    position: { type: 'string', multiple: true },
    'event-id': { type: 'string', multiple: true },
    reason: { type: 'string', multiple: true },
    all: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const consumed = withNamespace(loadEventTopology(), values.namespace ?? '').consumed;
const binding = consumed.find(
  (c) => c.group === `${values.namespace}${values.group}` && c.topic === `${values.namespace}${values.topic}`,
);
if (!binding)
  fail(
    `no consumer group ${values.group} on ${values.topic} in specs/asyncapi; known: ${consumed.map((c) => `${c.group} on ${c.topic}`).join(', ')}`,
  );
if (!values.brokers) fail('--brokers or KAFKA_BROKERS is required');
const filtered = Boolean(values.position || values['event-id'] || values.reason);
if (!filtered && !values.all) fail('choose records with --position, --event-id or --reason, or pass --all');

const replayed = await replayDeadLetters(
  createKafka({ brokers: parseBrokerList(values.brokers), clientId: 'socialnet-dlq-replay' }),
  binding.dlqTopic,
  { positions: values.position, eventIds: values['event-id'], reasons: values.reason },
  { dryRun: values['dry-run'] },
);
for (const r of replayed) console.log(JSON.stringify(r));
console.log(JSON.stringify({ dlq: binding.dlqTopic, replayed: replayed.length, dryRun: values['dry-run'] }));
