import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPostgresDatabase } from '../../../src/shared/db/postgres-database.ts';
import type { Database } from '../../../src/shared/db/queryable.ts';

/**
 * A private database on the real PostgreSQL of `TEST_DATABASE_URL`, dropped on close. Private, because the outbox
 * relay publishes every unpublished row of `public.outbox`: sharing a database with another test would relay its rows.
 */
export async function freshPostgresDatabase(url: string): Promise<Database> {
  const name = `events_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = createPostgresDatabase(target.toString());
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
