/** The one interface every repository takes: a `pg` Pool, a `pg` client inside a transaction, or PGlite. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (PostgreSQL LISTEN) until the returned function is called.
   * A hint to act sooner, never the only trigger: notifications sent while the listening connection is down are lost.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /** Runs several statements at once (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
