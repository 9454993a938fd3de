import { describe } from 'vitest';
import { withKafka, withPostgres } from '../../../scripts/testing/infra.ts';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import { freshPostgresDatabase } from './helpers/postgres-database.ts';
import { consumerScenarios } from './helpers/consumer-scenarios.ts';

withKafka('events > consumer framework > real Kafka', (brokers) => {
  describe('with PGlite', () => consumerScenarios(() => brokers.split(','), () => createPgliteDatabase()));
  withPostgres('with PostgreSQL', (url) => consumerScenarios(() => brokers.split(','), () => freshPostgresDatabase(url)));
});
