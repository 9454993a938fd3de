import addFormatsModule from 'ajv-formats';
import express, { type Express, type Request, type Response } from 'express';
import { OpenAPIBackend, type Context } from 'openapi-backend';
import { bearerToken } from '../auth/bearer.ts';
import type { Authenticator } from '../auth/principal.ts';
import { checkAuthzSpec } from '../authz/enforce.ts';
import type { AuthzLookups, AuthzRuleSpec } from '../authz/types.ts';
import type { Database } from '../db/queryable.ts';
import type { ReadinessCheck } from '../observability/readiness.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { observe, ROUTE_LOCAL } from '../observability/observe.ts';
import { ProblemError } from '../problem/problem.ts';
import { unauthorized } from '../problem/unauthorized.ts';
import { type OpenApiDocument, type OperationEntry, operationsOf } from '../spec/load-spec.ts';
import { allowedMethods } from './allowed-methods.ts';
import { checkContentType } from './content-type.ts';
import type { OperationHandler } from './handler-types.ts';
import { bodyParserByOperation, takesRawBytes } from './body-parsers.ts';
import { coerceFields, isMultipart, multipartSchema } from './multipart.ts';
import { operationAdapter } from './operation-adapter.ts';
import { operationalHandlers } from './operational-handlers.ts';
import { problemErrorHandler, sendProblem } from './problem-response.ts';
import { toFieldErrors } from './validation-errors.ts';
import { installFastRouter } from './fast-router.ts';
import { installFastRequestParser } from './fast-request-parser.ts';
import { installStrictParameters } from './strict-parameters.ts';

export interface SpecServiceOptions<Deps> {
  service: string;
  doc: OpenApiDocument;
  handlers: Record<string, OperationHandler<Deps>>;
  lookups: AuthzLookups;
  authenticate: Authenticator;
  db: Database;
  deps: Deps;
  log: Logger;
  metrics: Metrics;
  readiness: () => ReadinessCheck[];
  limits?: { jsonBytes?: number; uploadBytes?: number };
}

// ajv-formats is CommonJS with `exports.default`; under ESM the default import is the module object
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: unknown) => void;

export const DEFAULT_LIMITS = { jsonBytes: 1024 * 1024, uploadBytes: 10 * 1024 * 1024 };

/**
 * One service as an Express app driven by its OpenAPI document: openapi-backend routes and validates, the shared
 * bearer handler authenticates, `x-authz` rules authorize, and every operation must have exactly one handler
 * (a spec operation without code, or code without an operation, stops the service from starting).
 */
export async function createSpecService<Deps>(o: SpecServiceOptions<Deps>): Promise<Express> {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const entries = operationsOf(o.doc);
  const builtIns = operationalHandlers(o.metrics, o.readiness);
  const handlerFor = (path: string, id: string) => o.handlers[id] ?? builtIns[path];
  const missing = entries
    .filter((e) => !handlerFor(e.path, e.operation.operationId!))
    .map((e) => e.operation.operationId);
  if (missing.length > 0) throw new Error(`${o.service}: no handler for ${missing.join(', ')}`);
  const known = new Set(entries.map((e) => e.operation.operationId));
  const extra = Object.keys(o.handlers).filter((id) => !known.has(id));
  if (extra.length > 0) throw new Error(`${o.service}: handlers for operations not in the spec: ${extra.join(', ')}`);
  for (const e of entries)
    checkAuthzSpec(e.operation.operationId!, (e.operation['x-authz'] as AuthzRuleSpec[]) ?? [], o.lookups);

  const api = new OpenAPIBackend({
    definition: o.doc as never,
    strict: true,
    validate: true,
    coerceTypes: true,
    ajvOpts: { allErrors: true, strict: false, useDefaults: true },
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  const adapterDeps = { db: o.db, deps: o.deps, log: o.log, authenticate: o.authenticate, lookups: o.lookups };
  for (const e of entries) {
    api.register(
      e.operation.operationId!,
      operationAdapter(e, handlerFor(e.path, e.operation.operationId!)!, adapterDeps),
    );
  }
  api.register({
    notFound: (_c: Context, req: Request) => {
      throw new ProblemError('not-found', `no route ${req.method} ${req.path}`);
    },
    methodNotAllowed: (_c: Context, req: Request) => {
      const allow = allowedMethods(o.doc, req.path).join(', ');
      throw new ProblemError('method-not-allowed', `${req.method} is not supported on ${req.path}`, {
        headers: { Allow: allow },
      });
    },
    unauthorizedHandler: (c: Context, req: Request, res: Response) => {
      res.locals[ROUTE_LOCAL] = c.operation.path;
      const tokenSent = bearerToken(req.headers.authorization) !== undefined;
      const error = (c.security.bearerAuth as { error?: Error } | undefined)?.error;
      throw unauthorized(tokenSent, error?.message);
    },
    validationFail: (c: Context, req: Request, res: Response) => {
      res.locals[ROUTE_LOCAL] = c.operation.path;
      checkContentType(c.operation as never, req);
      throw new ProblemError('validation-failed', 'the request does not match the contract', {
        errors: toFieldErrors(c.validation.errors, isMultipart(req)),
      });
    },
  });
  api.registerSecurityHandler('bearerAuth', async (c: Context) => {
    const token = bearerToken(c.request.headers.authorization);
    if (!token) return false;
    return o.authenticate(token);
  });
  await api.init();
  installFastRouter(api);
  installFastRequestParser(api);
  installStrictParameters(api);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // the specs define no conditional requests; a weak ETag hashed on every response is pure cost
  app.set('query parser', 'simple');
  app.use(observe(o.service, o.metrics, o.log));
  app.use(bodyParserByOperation(api, limits));
  app.use(async (req, res, next) => {
    try {
      const matched = res.locals.operation as OperationEntry['operation'] | undefined;
      let body: unknown = req.body;
      if (matched && takesRawBytes(matched))
        body = undefined; // bytes reach the handler as ctx.rawBody
      else if (isMultipart(req))
        body = coerceFields(req.body as Record<string, unknown>, matched ? multipartSchema(matched) : undefined);
      await api.handleRequest(
        { method: req.method, path: req.path, query: req.query as never, headers: req.headers as never, body },
        req,
        res,
      );
    } catch (error) {
      next(error);
    }
  });
  app.use(problemErrorHandler(o.log));
  return app;
}

export { sendProblem };
