import type { Request } from 'express';
import type { OpenAPIV3 } from 'openapi-types';
import { ProblemError } from '../problem/problem.ts';

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** 415 when a body comes with a media type the operation does not declare (spec-conventions "Errors"). */
export function checkContentType(op: OpenAPIV3.OperationObject, req: Request): void {
  const body = op.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  if (!body || !hasBody(req)) return;
  const declared = Object.keys(body.content ?? {});
  const sent = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (!declared.includes(sent) && !declared.includes('*/*')) {
    throw new ProblemError('unsupported-media-type', `expected ${declared.join(' or ')}${sent ? `, got ${sent}` : ''}`);
  }
}
