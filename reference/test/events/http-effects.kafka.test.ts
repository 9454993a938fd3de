import { describe } from 'vitest';
import { withKafka, withPostgres } from '../../../scripts/testing/infra.ts';
import { createPgliteDatabase } from '../../src/shared/db/pglite-database.ts';
import { freshPostgresDatabase } from './helpers/postgres-database.ts';
import { httpEffectScenarios } from './helpers/http-effect-scenarios.ts';

withKafka('events > HTTP effects > real Kafka', (brokers) => {
  describe('with PGlite', () => httpEffectScenarios(() => brokers.split(','), () => createPgliteDatabase()));
  withPostgres('with PostgreSQL', (url) => httpEffectScenarios(() => brokers.split(','), () => freshPostgresDatabase(url)));
});
