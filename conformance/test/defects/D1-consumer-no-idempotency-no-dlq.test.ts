import { withKafka } from '../../../scripts/testing/infra.ts';
import { proveD1 } from '../events/d1-proof.ts';

proveD1('embedded broker');
withKafka('real Kafka', (brokers) => proveD1('Apache Kafka', brokers.split(',')));
