import type { Queryable } from '../db/queryable.ts';
import { ProblemError } from '../problem/problem.ts';

/** `x-idempotency` of an operation (spec-conventions "Idempotency"). */
export interface IdempotencySpec {
  header: string;
  scope: 'caller';
  ttl: string;
  required?: boolean;
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface KeyId {
  caller: string;
  operationId: string;
  key: string;
}

/** A claim older than this is taken to be abandoned (its process died mid-request) and may be reclaimed. */
const ABANDONED_AFTER_SECONDS = 300;

/**
 * Keys are claimed in a short transaction of their own (so a concurrent duplicate sees "in flight" and gets 409),
 * then completed with the response in the SAME transaction as the effect, or released when the request fails
 * (a failed request never burns the key).
 */
export const idempotencyStore = {
  async claim(db: Queryable, id: KeyId, fingerprint: string, ttlSeconds: number): Promise<StoredResponse | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      await db.query(
        `DELETE FROM public.idempotency_keys WHERE caller = $1 AND operation_id = $2 AND idempotency_key = $3
           AND (expires_at < now() OR (state = 'in_flight' AND created_at < now() - make_interval(secs => $4)))`,
        [id.caller, id.operationId, id.key, ABANDONED_AFTER_SECONDS],
      );
      const inserted = await db.query(
        `INSERT INTO public.idempotency_keys (caller, operation_id, idempotency_key, fingerprint, state, expires_at)
         VALUES ($1, $2, $3, $4, 'in_flight', now() + make_interval(secs => $5))
         ON CONFLICT DO NOTHING RETURNING 1`,
        [id.caller, id.operationId, id.key, fingerprint, ttlSeconds],
      );
      if (inserted.rowCount > 0) return undefined;
      const { rows } = await db.query<{
        fingerprint: string;
        state: string;
        response_status: number;
        response_headers: Record<string, string>;
        response_body: unknown;
      }>(
        `SELECT fingerprint, state, response_status, response_headers, response_body FROM public.idempotency_keys
          WHERE caller = $1 AND operation_id = $2 AND idempotency_key = $3`,
        [id.caller, id.operationId, id.key],
      );
      const row = rows[0];
      if (!row) continue; // released between our insert and select: try to claim again
      if (row.fingerprint !== fingerprint) {
        throw new ProblemError('idempotency-key-reused', 'this Idempotency-Key was used with a different request');
      }
      if (row.state === 'in_flight') {
        throw new ProblemError(
          'idempotency-key-in-flight',
          'a request with this Idempotency-Key is still being processed',
        );
      }
      return { status: row.response_status, headers: row.response_headers ?? {}, body: row.response_body };
    }
    throw new ProblemError('idempotency-key-in-flight', 'a request with this Idempotency-Key is still being processed');
  },

  async complete(tx: Queryable, id: KeyId, response: StoredResponse): Promise<void> {
    await tx.query(
      `UPDATE public.idempotency_keys SET state = 'completed', response_status = $4, response_headers = $5, response_body = $6
        WHERE caller = $1 AND operation_id = $2 AND idempotency_key = $3`,
      [
        id.caller,
        id.operationId,
        id.key,
        response.status,
        JSON.stringify(response.headers),
        JSON.stringify(response.body ?? null),
      ],
    );
  },

  async release(db: Queryable, id: KeyId): Promise<void> {
    await db.query(
      `DELETE FROM public.idempotency_keys WHERE caller = $1 AND operation_id = $2 AND idempotency_key = $3 AND state = 'in_flight'`,
      [id.caller, id.operationId, id.key],
    );
  },
};
