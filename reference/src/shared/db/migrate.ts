import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './queryable.ts';

/**
 * Applies `<dir>/NNNN_<name>.sql` files in order, once each, recorded per migration set in `public.schema_migrations`.
 * An advisory lock makes concurrent starts (split services on one database) apply each file exactly once.
 */
export async function migrate(db: Database, set: string, dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  await db.exec(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
    migration_set text NOT NULL, version text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (migration_set, version))`);
  const applied: string[] = [];
  for (const file of files) {
    const sql = await readFile(path.join(dir, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`migrate:${set}`]);
      const seen = await tx.query('SELECT 1 FROM public.schema_migrations WHERE migration_set = $1 AND version = $2', [
        set,
        file,
      ]);
      if (seen.rowCount > 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO public.schema_migrations (migration_set, version) VALUES ($1, $2)', [set, file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}

/** Our migrations are plain DDL: statements end with `;` at the end of a line (a function body stays on one line). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}
