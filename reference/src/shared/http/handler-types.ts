import type { Readable } from 'node:stream';
import type { Principal } from '../auth/principal.ts';
import type { Database, Queryable } from '../db/queryable.ts';
import type { UploadedFile } from '../idempotency/fingerprint.ts';
import type { Logger } from '../observability/logger.ts';

/** What a handler returns; the adapter writes it (JSON, raw bytes, or no body). */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes or a stream instead of JSON (media downloads). */
  raw?: { contentType: string; data: Buffer | Readable; length?: number };
}

export interface HandlerContext<Deps> {
  operationId: string;
  params: Record<string, any>;
  query: Record<string, any>;
  body: any;
  headers: Record<string, string | string[] | undefined>;
  files: UploadedFile[];
  /** The body of operations that take raw bytes (e.g. media PUT content). */
  rawBody?: Buffer;
  /** Set on secured operations; on public ones only when a valid token was sent anyway. */
  principal?: Principal;
  /** The request path, for `instance` in problems. */
  instance: string;
  db: Database;
  deps: Deps;
  log: Logger;
  /**
   * Runs the effect in one transaction. On an operation with `x-idempotency`, a 2xx result is stored with the
   * Idempotency-Key in the same transaction (spec-conventions "Idempotency").
   */
  inTransaction(fn: (tx: Queryable) => Promise<HandlerResult>): Promise<HandlerResult>;
}

export type OperationHandler<Deps> = (ctx: HandlerContext<Deps>) => Promise<HandlerResult>;

/** The principal of a secured operation (the spec router guarantees it is there). */
export function caller<D>(ctx: HandlerContext<D>): Principal {
  if (!ctx.principal) throw new Error(`${ctx.operationId}: no principal on a secured operation`);
  return ctx.principal;
}
