import { freshPostgresDatabase } from '../../../scripts/testing/scratch-database.ts';
import { migrateEvents } from '../../../reference/src/events/migrate-events.ts';
import { migrateAll } from '../../../reference/src/platform/platform.ts';
import { ALL_SERVICES } from '../../../reference/src/platform/services.ts';
import type { ServiceName } from '../../../reference/src/platform/service-names.ts';
import { openDatabase } from '../../../reference/src/shared/db/open-database.ts';
import type { Database } from '../../../reference/src/shared/db/queryable.ts';

/**
 * A database of its own for one consumer or provider, with that service's tables and the event side's inbox:
 * a scratch database on real PostgreSQL when `TEST_DATABASE_URL` is set (`npm test`), else the reference's embedded
 * default (PGlite), so `npm run pact` also works on a clean clone with nothing running.
 */
export async function serviceDatabase(service: ServiceName): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const db = adminUrl ? await freshPostgresDatabase(adminUrl, 'pact') : await openDatabase({});
  await migrateAll(db, ALL_SERVICES.filter((m) => m.name === service));
  await migrateEvents(db);
  return db;
}
