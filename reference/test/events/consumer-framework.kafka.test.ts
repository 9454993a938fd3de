import { withKafka, withPostgres } from '../../../scripts/testing/infra.ts';
import { consumerScenarios } from './helpers/consumer-scenarios.ts';
import { freshPostgresDatabase } from '../../../scripts/testing/scratch-database.ts';

// The production pairing: Apache Kafka and PostgreSQL. The same scenarios run on the embedded pairing (embedded
// broker and PGlite) in consumer-framework.embedded.test.ts, together with the injected faults.
withKafka('events > consumer framework > real Kafka', (brokers) => {
  withPostgres('with PostgreSQL', (url) =>
    consumerScenarios(
      () => brokers.split(','),
      () => freshPostgresDatabase(url),
    ),
  );
});
