import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable } from './queryable.ts';

/**
 * The embedded default: PostgreSQL compiled to WASM, in this process, same SQL as the real one.
 * One instance costs ~0.75 GB and ~2.5 s to start, so the whole platform shares one (a schema per service).
 * It is a single connection: a transaction holds it exclusively until it ends.
 */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = new PGlite(dataDir, { parsers: { [types.INT8]: (value: string) => Number(value) } });
  await db.waitReady;
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query(text, params) {
      const result = await q.query(text, params as unknown[] | undefined);
      // PGlite reports affectedRows = 0 for a SELECT; pg's rowCount counts the returned rows there
      return { rows: result.rows as never[], rowCount: Math.max(result.rows.length, result.affectedRows ?? 0) };
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, () => onNotify());
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}
