import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@socialnet/reference';

async function run(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the PostgreSQL at `adminUrl` (tests: TEST_DATABASE_URL), so a test file or a benchmark
 * never sees another's rows; `drop` removes it with its connections.
 */
export async function freshDatabase(
  adminUrl: string,
  prefix = 'scratch',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await run(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * `freshDatabase` opened as the reference's Database; closing it drops it. Private, because the outbox relay
 * publishes every unpublished row of `public.outbox`: sharing a database with another test would relay its rows.
 */
export async function freshPostgresDatabase(adminUrl: string, prefix = 'events'): Promise<Database> {
  const scratch = await freshDatabase(adminUrl, prefix);
  const db = await openDatabase({ databaseUrl: scratch.url });
  return {
    ...db,
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}
