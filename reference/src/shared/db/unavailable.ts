/**
 * Is this error the database being unreachable (down, restarting, refusing connections, too slow to answer within the
 * pool's bounds), as opposed to a failure of the statement itself? Such a request gets 503 `service-unavailable`
 * with `Retry-After`: the client may retry, the process stays up, and the pool reconnects on its own.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  // SQLSTATE 08 connection exception; 57P01-57P03 admin/crash shutdown, cannot connect now; 57014 statement_timeout
  // (the pool's bound); 53300 too many connections
  if (/^08/.test(code) || /^57P0[123]$/.test(code) || code === '57014' || code === '53300') return true;
  // socket errors from `pg` while connecting or when the server went away
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code))
    return true;
  // `pg`'s own errors carry no code: a connection lost mid-query, the pool's connect timeout, the client's query timeout
  const message = typeof e?.message === 'string' ? e.message : '';
  return /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/.test(
    message,
  );
}

/** The bounds that keep a request from hanging on an unreachable database (`pg` Pool and server settings). */
export const DATABASE_TIMEOUTS = {
  /**
   * getting a connection: waiting for a free one in the pool, or establishing one (TCP + authentication); `pg`
   * waits forever by default. Generous, since it also bounds the queue for the pool on a starved machine.
   */
  connectMs: 10_000,
  /** one statement, enforced by the server (`statement_timeout`) */
  statementMs: 30_000,
  /** one statement, enforced by the client: covers a server that stopped answering without closing the socket */
  queryMs: 35_000,
} as const;
