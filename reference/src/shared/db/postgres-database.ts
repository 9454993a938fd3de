import pg from 'pg';
import type { Database, Queryable, QueryResult } from './queryable.ts';
import { DATABASE_TIMEOUTS } from './unavailable.ts';

// bigint ids and counts come back as JS numbers (the specs type them as integers, far below 2^53 here)
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/**
 * Real PostgreSQL through a `pg` Pool. Connecting and each statement are bounded (DATABASE_TIMEOUTS), so while the
 * server is down or restarting a request fails quickly (503, see unavailable.ts) instead of hanging.
 */
export function createPostgresDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
    statement_timeout: DATABASE_TIMEOUTS.statementMs,
    query_timeout: DATABASE_TIMEOUTS.queryMs,
  });
  pool.on('error', () => undefined); // an idle client's error is reported by the next query that uses the pool

  const run = async <R>(q: Queryable | pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => {
    const result = await (q as pg.Pool).query(text, params as unknown[] | undefined);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 } satisfies QueryResult<R>;
  };

  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client has no listener of the pool's: without this one, the server closing the connection
      // between two statements (a restart) would be an unhandled 'error' event and end the process.
      let lost: Error | undefined;
      const onError = (error: Error) => void (lost = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (text, params) => run(client, text, params) };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => void (lost ??= rollbackError));
        throw error;
      } finally {
        client.off('error', onError);
        client.release(lost); // a connection that failed is closed, not handed to the next request
      }
    },
    listen: (channel, onNotify) => listenOn(connectionString, channel, onNotify),
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries). When that connection fails it
 * reconnects after a second; meanwhile the caller's own polling covers what the lost notifications would have said.
 */
async function listenOn(connectionString: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), 1000);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    c.on('error', () => {
      void c.end().catch(() => undefined);
      if (client === c) reconnectLater();
    });
    client = c;
    await c.connect();
    await c.query(`LISTEN ${pg.Client.prototype.escapeIdentifier(channel)}`);
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
