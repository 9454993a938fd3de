import type { Database } from './queryable.ts';
import { createPostgresDatabase } from './postgres-database.ts';
import { createPgliteDatabase } from './pglite-database.ts';

/** `DATABASE_URL` given: real PostgreSQL through `pg`; otherwise embedded PGlite (in memory, or in `dataDir`). */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return options.databaseUrl ? createPostgresDatabase(options.databaseUrl) : createPgliteDatabase(options.dataDir);
}
