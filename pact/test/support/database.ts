import { freshPostgresDatabase } from '../../../scripts/testing/scratch-database.ts';
import {
  ALL_SERVICES,
  migrateAll,
  migrateEvents,
  openDatabase,
  type Database,
  type ServiceName,
} from '@socialnet/reference';

/**
 * A database of its own for one consumer or provider, with that service's tables and the event side's inbox:
 * a scratch database on real PostgreSQL when `TEST_DATABASE_URL` is set (`npm test`), else the reference's embedded
 * default (PGlite), so `npm run pact` also works on a clean clone with nothing running.
 */
export async function serviceDatabase(service: ServiceName): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const db = adminUrl ? await freshPostgresDatabase(adminUrl, 'pact') : await openDatabase({});
  await migrateAll(
    db,
    ALL_SERVICES.filter((m) => m.name === service),
  );
  await migrateEvents(db);
  return db;
}
