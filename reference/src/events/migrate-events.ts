import { fileURLToPath } from 'node:url';
import { migrate } from '../shared/db/migrate.ts';
import type { Database } from '../shared/db/queryable.ts';

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
const migrated = new WeakSet<Database>();

/**
 * The event side's own tables (the inbox); the outbox belongs to the shared migrations. Once per database handle:
 * several event sides may share one database in a process (tests, benchmarks).
 */
export async function migrateEvents(db: Database): Promise<void> {
  if (migrated.has(db)) return;
  await migrate(db, 'events', MIGRATIONS);
  migrated.add(db);
}
