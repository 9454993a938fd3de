import { withKafka } from '../../../scripts/testing/infra.ts';
import { proveD1 } from '../events/d1-proof.ts';
import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './D1-consumer-no-idempotency-no-dlq.ts';

// The whole suite against the fixture (the started reference's event side on the embedded broker) ...
describeDefect(fixture, { security: false });
// ... and the event checks alone, each half of the defect on its own, on the embedded broker and on Apache Kafka.
proveD1('embedded broker');
withKafka('real Kafka', (brokers) => proveD1('Apache Kafka', brokers.split(',')));
