import type { Request, Response } from 'express';
import type { Context } from 'openapi-backend';
import type { Authenticator, Principal } from '../auth/principal.ts';
import { bearerToken } from '../auth/bearer.ts';
import { enforceAuthz } from '../authz/enforce.ts';
import type { AuthzLookups, AuthzRuleSpec } from '../authz/types.ts';
import type { Database } from '../db/queryable.ts';
import { durationSeconds } from '../idempotency/duration.ts';
import { requestFingerprint, type UploadedFile } from '../idempotency/fingerprint.ts';
import { type IdempotencySpec, type KeyId, idempotencyStore } from '../idempotency/store.ts';
import type { Logger } from '../observability/logger.ts';
import { ROUTE_LOCAL } from '../observability/observe.ts';
import { ProblemError } from '../problem/problem.ts';
import type { OperationEntry } from '../spec/load-spec.ts';
import type { HandlerContext, HandlerResult, OperationHandler } from './handler-types.ts';
import { checkFiles, fileFields, multipartSchema } from './multipart.ts';
import { checkContentType } from './content-type.ts';
import { rejectUnstorableValues } from './storable-values.ts';

export interface AdapterDeps<Deps> {
  db: Database;
  deps: Deps;
  log: Logger;
  authenticate: Authenticator;
  lookups: AuthzLookups;
}

/** Public operations still see who is calling when a valid token is sent (e.g. `liked_by_me`); a bad one is ignored. */
async function optionalPrincipal(req: Request, authenticate: Authenticator): Promise<Principal | undefined> {
  const token = bearerToken(req.headers.authorization);
  return token ? authenticate(token).catch(() => undefined) : undefined;
}

function writeResult(res: Response, result: HandlerResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.status(result.status);
  if (result.raw) {
    res.setHeader('Content-Type', result.raw.contentType);
    if (result.raw.length !== undefined) res.setHeader('Content-Length', String(result.raw.length));
    if (Buffer.isBuffer(result.raw.data)) res.end(result.raw.data);
    else result.raw.data.pipe(res);
    return;
  }
  if (result.body === undefined) res.end();
  else res.json(result.body);
}

/**
 * Everything between openapi-backend's validation and the handler: content type, files, `x-authz` rules, then
 * `x-idempotency`; then the handler, and the result written to the response.
 */
export function operationAdapter<Deps>(entry: OperationEntry, handler: OperationHandler<Deps>, d: AdapterDeps<Deps>) {
  const op = entry.operation;
  const operationId = op.operationId!;
  const rules = (op['x-authz'] as AuthzRuleSpec[] | undefined) ?? [];
  const idempotency = op['x-idempotency'] as IdempotencySpec | undefined;
  const secured = (op.security ?? []).length > 0;
  const has404 = Boolean(op.responses?.['404']);
  const fileSchema = multipartSchema(op);
  const files_ = fileSchema ? fileFields(fileSchema) : undefined;

  return async (c: Context, req: Request, res: Response): Promise<void> => {
    res.locals[ROUTE_LOCAL] = entry.path;
    checkContentType(op, req);
    const files = (Array.isArray(req.files) ? req.files : []) as UploadedFile[];
    if (files_ && String(req.headers['content-type'] ?? '').startsWith('multipart/')) checkFiles(files, files_);
    const principal = secured ? (c.security.bearerAuth as Principal) : await optionalPrincipal(req, d.authenticate);
    // openapi-backend re-parses path params as strings after validation; its coerced copy has the spec's types
    const params =
      (c.validation?.coerced as { params?: Record<string, unknown> } | undefined)?.params ?? c.request.params;
    const parts = { params, query: c.request.query, body: c.request.requestBody };
    rejectUnstorableValues(
      { path: params, query: parts.query, [fileSchema ? 'multipart' : 'body']: parts.body },
      has404,
    );
    if (rules.length > 0 && principal) await enforceAuthz(operationId, rules, parts, principal, d.lookups);

    let keyId: KeyId | undefined;
    if (idempotency && principal) {
      const key = req.header(idempotency.header);
      if (key === undefined && idempotency.required) {
        throw new ProblemError('validation-failed', `${idempotency.header} is required`, {
          errors: [{ pointer: `/header/${idempotency.header.toLowerCase()}`, message: 'required' }],
        });
      }
      if (key !== undefined) {
        keyId = { caller: principal.userId, operationId, key };
        const fingerprint = requestFingerprint(parts.params, parts.body, files);
        const stored = await idempotencyStore.claim(d.db, keyId, fingerprint, durationSeconds(idempotency.ttl));
        if (stored) {
          return writeResult(res, {
            status: stored.status,
            body: stored.body ?? undefined,
            headers: { ...stored.headers, 'Idempotent-Replayed': 'true' },
          });
        }
      }
    }

    let recorded = false;
    const ctx: HandlerContext<Deps> = {
      operationId,
      params: parts.params,
      query: c.request.query,
      body: c.request.requestBody,
      headers: req.headers,
      files,
      rawBody: Buffer.isBuffer(req.body) ? req.body : undefined,
      principal,
      instance: req.originalUrl,
      db: d.db,
      deps: d.deps,
      log: d.log,
      inTransaction: (fn) =>
        d.db.transaction(async (tx) => {
          const result = await fn(tx);
          if (keyId && result.status < 300 && !result.raw) {
            await idempotencyStore.complete(tx, keyId, {
              status: result.status,
              headers: result.headers ?? {},
              body: result.body,
            });
            recorded = true;
          }
          return result;
        }),
    };
    let result: HandlerResult;
    try {
      result = await handler(ctx);
    } catch (error) {
      if (keyId) await idempotencyStore.release(d.db, keyId).catch(() => undefined);
      throw error;
    }
    if (keyId && !recorded) {
      if (result.status < 300)
        await idempotencyStore.complete(d.db, keyId, {
          status: result.status,
          headers: result.headers ?? {},
          body: result.body,
        });
      else await idempotencyStore.release(d.db, keyId);
    }
    writeResult(res, result);
  };
}
