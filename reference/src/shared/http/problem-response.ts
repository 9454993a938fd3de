import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemBody } from '../problem/problem.ts';
import { slugForStatus } from '../problem/problem-types.ts';
import type { Logger } from '../observability/logger.ts';
import { databaseProblem, isDatabaseError } from '../db/database-problems.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { InvalidUtf8Error } from './body-parsers.ts';

export function sendProblem(res: Response, problem: ProblemError, instance: string): void {
  if (res.headersSent) return void res.end();
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem.body(instance)));
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
  if (e?.type === 'entity.parse.failed')
    return new ProblemError('validation-failed', `malformed JSON: ${e.message}`, {
      errors: [{ pointer: '/body', message: 'malformed JSON' }],
    });
  if (e?.type === 'entity.verify.failed' && e instanceof InvalidUtf8Error)
    return new ProblemError('validation-failed', e.message, {
      errors: [{ pointer: '/body', message: 'not valid UTF-8' }],
    });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new ProblemError('unsupported-media-type', e.message);
  if (e?.name === 'MulterError' || /^Multipart|Unexpected end of form|Malformed part header/i.test(e?.message ?? '')) {
    return new ProblemError('validation-failed', `malformed multipart body: ${e.message}`, {
      errors: [{ pointer: '/multipart', message: 'malformed multipart body' }],
    });
  }
  const fromDatabase = databaseProblem(error);
  if (fromDatabase) return fromDatabase;
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new ProblemError(slugForStatus(status), e.message);
  return undefined;
}

/** 503 while the database cannot be reached; `Retry-After` in seconds (a restart takes a few). */
function databaseUnavailable(): ProblemError {
  return new ProblemError('service-unavailable', 'the database is unavailable; retry later', {
    headers: { 'Retry-After': '2' },
  });
}

export function problemErrorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const problem = toProblem(error);
    // the database's own words go to the log only: a value reaching it that it refuses is a validation we lack
    if (problem && isDatabaseError(error))
      log.warn({ err: error, path: req.originalUrl }, 'the database refused a value of the request');
    if (problem) return sendProblem(res, problem, req.originalUrl);
    log.error({ err: error, path: req.originalUrl }, 'unhandled error');
    sendProblem(res, new ProblemError('internal-error', 'unexpected error; it has been logged'), req.originalUrl);
  };
}
