import express, { type NextFunction, type Request, type Response } from 'express';
import type { OpenAPIBackend } from 'openapi-backend';
import type { OperationEntry } from '../spec/load-spec.ts';
import { isMultipart, multipartParser } from './multipart.ts';

/** An operation whose body is bytes (e.g. `application/octet-stream` or a wildcard) rather than JSON or a form. */
export function takesRawBytes(op: OperationEntry['operation']): boolean {
  const content = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content ?? {};
  const types = Object.keys(content);
  return types.length > 0 && types.every((t) => t !== 'application/json' && t !== 'multipart/form-data' && !t.endsWith('+json'));
}

/**
 * The body parser is chosen by the matched operation: raw bytes for binary bodies (media PUT), multer for forms,
 * JSON otherwise; each with the spec's size limit (413 above it). The match is kept in `res.locals.operation`.
 */
export function bodyParserByOperation(api: OpenAPIBackend, limits: { jsonBytes: number; uploadBytes: number }) {
  const json = express.json({ limit: limits.jsonBytes, type: ['application/json', 'application/*+json'] });
  const multipart = multipartParser(limits.uploadBytes);
  const raw = express.raw({ type: () => true, limit: limits.uploadBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    const matched = api.matchOperation({ method: req.method, path: req.path, headers: {} } as never) as OperationEntry['operation'] | undefined;
    res.locals.operation = matched;
    if (matched && takesRawBytes(matched)) return raw(req, res, next);
    if (isMultipart(req)) return multipart(req, res, next);
    return json(req, res, next);
  };
}
