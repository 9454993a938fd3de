import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemBody } from '../problem/problem.ts';
import type { Logger } from '../observability/logger.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

export function sendProblem(res: Response, problem: ProblemError, instance: string): void {
  if (res.headersSent) return void res.end();
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.body(instance)));
}

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
}

/** Maps what express, body-parser and multer throw onto problems; anything unexpected is a logged 500. */
export function toProblem(error: unknown): ProblemError | undefined {
  if (error instanceof ProblemError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  const e = error as HttpError;
  if (e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE' || e?.code === 'LIMIT_FIELD_VALUE') {
    return new ProblemError('payload-too-large', 'the request body is larger than this operation accepts');
  }
  if (e?.type === 'entity.parse.failed') return new ProblemError('malformed-request', `malformed JSON: ${e.message}`, { errors: [{ pointer: '/body', message: 'malformed JSON' }] });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new ProblemError('unsupported-media-type', e.message);
  if (e?.name === 'MulterError' || /^Multipart|Unexpected end of form|Malformed part header/i.test(e?.message ?? '')) {
    return new ProblemError('malformed-request', `malformed multipart body: ${e.message}`);
  }
  // PostgreSQL: input the database refused (bad datetime, out of range, ...) is the client's error, not ours
  if (typeof e?.code === 'string' && /^22/.test(e.code)) return new ProblemError('validation-failed', `invalid value: ${e.message}`);
  if (e?.code === '23505') return new ProblemError('conflict', 'the resource already exists');
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new ProblemError('validation-failed', e.message);
  return undefined;
}

/** 503 while the database cannot be reached; `Retry-After` in seconds (a restart takes a few). */
function databaseUnavailable(): ProblemError {
  return new ProblemError('service-unavailable', 'the database is unavailable; retry later', { headers: { 'Retry-After': '2' } });
}

export function problemErrorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const problem = toProblem(error);
    if (problem) return sendProblem(res, problem, req.originalUrl);
    log.error({ err: error, path: req.originalUrl }, 'unhandled error');
    sendProblem(res, new ProblemError('internal-error', 'unexpected error; it has been logged'), req.originalUrl);
  };
}
