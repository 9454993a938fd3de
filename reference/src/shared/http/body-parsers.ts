import { isUtf8 } from 'node:buffer';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { OpenAPIBackend } from 'openapi-backend';
import type { OperationEntry } from '../spec/load-spec.ts';
import { checkJsonDepth } from './json-depth.ts';
import { isMultipart, multipartParser } from './multipart.ts';

/** What a JSON body's bytes must be (RFC 8259 §8.1): decoding invalid UTF-8 would silently turn it into U+FFFD. */
export class InvalidUtf8Error extends Error {
  constructor() {
    super('the JSON body is not valid UTF-8');
    this.name = 'InvalidUtf8Error';
  }
}

const requireUtf8 = (_req: Request, _res: Response, buf: Buffer, encoding: string) => {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(buf)) throw new InvalidUtf8Error();
};

/** An operation whose body is bytes (e.g. `application/octet-stream` or a wildcard) rather than JSON or a form. */
export function takesRawBytes(op: OperationEntry['operation']): boolean {
  const content = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content ?? {};
  const types = Object.keys(content);
  return (
    types.length > 0 &&
    types.every((t) => t !== 'application/json' && t !== 'multipart/form-data' && !t.endsWith('+json'))
  );
}

/**
 * The body parser is chosen by the matched operation: raw bytes for binary bodies (media PUT), multer for forms,
 * JSON otherwise; each with the spec's size limit (413 above it). The limits come first: the size while reading,
 * UTF-8 before parsing, the nesting depth as soon as the JSON is parsed (before validation or any other walk).
 * The match is kept in `res.locals.operation`.
 */
export function bodyParserByOperation(api: OpenAPIBackend, limits: { jsonBytes: number; uploadBytes: number }) {
  const json = express.json({
    limit: limits.jsonBytes,
    type: ['application/json', 'application/*+json'],
    verify: requireUtf8,
  });
  const multipart = multipartParser(limits.uploadBytes);
  const raw = express.raw({ type: () => true, limit: limits.uploadBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    const matched = api.matchOperation({ method: req.method, path: req.path, headers: {} } as never) as
      OperationEntry['operation'] | undefined;
    res.locals.operation = matched;
    if (matched && takesRawBytes(matched)) return raw(req, res, next);
    if (isMultipart(req)) return multipart(req, res, next);
    return json(req, res, (error?: unknown) => {
      if (error) return next(error);
      try {
        checkJsonDepth(req.body);
      } catch (tooDeep) {
        return next(tooDeep);
      }
      next();
    });
  };
}
