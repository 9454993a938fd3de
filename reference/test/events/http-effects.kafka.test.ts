import { withKafka, withPostgres } from '../../../scripts/testing/infra.ts';
import { httpEffectScenarios } from './helpers/http-effect-scenarios.ts';
import { freshPostgresDatabase } from '../../../scripts/testing/scratch-database.ts';

// The production pairing: real Kafka and real PostgreSQL. (The embedded pairing, broker and PGlite, is in
// http-effects.embedded.test.ts; the consumer framework itself runs on every combination.)
withKafka('events > HTTP effects > real Kafka', (brokers) => {
  withPostgres('with PostgreSQL', (url) =>
    httpEffectScenarios(
      () => brokers.split(','),
      () => freshPostgresDatabase(url),
    ),
  );
});
