import type { Readable } from 'node:stream';
import type {
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
  Status,
} from '@socialnet/generated/server-types/index.ts';
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

/** `Op` was left out: a handler for no operation in particular (built-ins, variants, `whoami`). */
type Untyped<Op> = 0 extends 1 & Op ? true : false;
/** The type of one request part: untyped without an operation, else what the generated server types say. */
type Part<Op, Typed> = Untyped<Op> extends true ? any : Typed;

/**
 * What a handler sees. `Op` is its operation from `generated/server-types` (e.g. `chats.operations['sendMessage']`):
 * `params`, `query` and `body` then have the types the spec gives them, as validation leaves them (parameters
 * coerced, defaults filled in). Without `Op` they are untyped, and such a handler accepts any operation's context,
 * so a typed handler fits wherever an untyped one is expected (service registries, variants).
 */
export interface HandlerContext<Deps, Op = any> {
  operationId: string;
  params: Part<Op, PathParams<Op>>;
  query: Part<Op, QueryParams<Op>>;
  body: Part<Op, RequestBody<Op>>;
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
  inTransaction<R extends HandlerResult>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
}

/** The context of any operation whose query has `Q`: for a helper that several handlers share (a cursor page). */
export type ContextWithQuery<Deps, Q> = Omit<HandlerContext<Deps>, 'query'> & { query: Q };

/** A value that `res.json` writes as `T`: the same shape, with a `Date` wherever `T` has a string (its ISO form). */
export type Serialised<T> = T extends string
  ? T | Date
  : T extends (infer E)[]
    ? Serialised<E>[]
    : T extends object
      ? { [K in keyof T]: Serialised<T[K]> }
      : T;

/**
 * What a handler of `Op` returns: one of the statuses its operation documents (or only `S`), with that status's
 * body. Without `Op`, any `HandlerResult`.
 */
export type OperationResult<Op, S extends Status<Op> = Status<Op>> =
  Untyped<Op> extends true
    ? HandlerResult
    : {
        [Code in S]: Omit<HandlerResult, 'status' | 'body'> & {
          status: Code;
          body?: Serialised<ResponseBody<Op, Code>>;
        };
      }[S];

export type OperationHandler<Deps, Op = any> = (ctx: HandlerContext<Deps, Op>) => Promise<OperationResult<Op>>;

/** The principal of a secured operation (the spec router guarantees it is there). */
export function caller<D, Op>(ctx: HandlerContext<D, Op>): Principal {
  if (!ctx.principal) throw new Error(`${ctx.operationId}: no principal on a secured operation`);
  return ctx.principal;
}
