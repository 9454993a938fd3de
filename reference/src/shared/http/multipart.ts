import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import type { OpenAPIV3 } from 'openapi-types';
import type { UploadedFile } from '../idempotency/fingerprint.ts';
import { ProblemError } from '../problem/problem.ts';

export const isMultipart = (req: Request): boolean =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');

/** multer in memory, only for multipart requests; the file size cap is the spec's upload limit. */
export function multipartParser(maxFileBytes: number) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxFileBytes, files: 4, fields: 32, fieldSize: 1024 * 1024, parts: 40 },
  }).any();
  return (req: Request, res: Response, next: NextFunction) => (isMultipart(req) ? upload(req, res, next) : next());
}

type Schema = OpenAPIV3.SchemaObject;

const isBinary = (s: Schema | undefined) => s?.type === 'string' && (s.format === 'binary' || s.format === 'byte');

/** Form fields arrive as strings: turn them into the types the multipart schema declares, so ajv can validate them. */
export function coerceFields(fields: Record<string, unknown>, schema: Schema | undefined): Record<string, unknown> {
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields ?? {})) {
    const prop = props[name];
    const v = value;
    if (
      typeof v === 'string' &&
      (prop?.type === 'integer' || prop?.type === 'number') &&
      /^-?\d+(\.\d+)?$/.test(v.trim())
    )
      out[name] = Number(v);
    else if (typeof v === 'string' && prop?.type === 'boolean' && (v === 'true' || v === 'false'))
      out[name] = v === 'true';
    else if (typeof v === 'string' && prop?.type === 'array') out[name] = [v];
    else out[name] = v;
  }
  return out;
}

/** Files must be the schema's binary properties; required ones must be present (openapi-backend skips binaries). */
export interface FileFields {
  binaries: string[];
  required: string[];
}

/**
 * Read the file fields when the service starts: openapi-backend later removes binary properties from the
 * schema's `required` list (it cannot validate them), so that list must be taken before `init()`.
 */
export function fileFields(schema: Schema | undefined): FileFields {
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const binaries = Object.keys(props).filter((k) => isBinary(props[k]));
  return { binaries, required: binaries.filter((b) => schema?.required?.includes(b)) };
}

export function checkFiles(files: UploadedFile[], { binaries, required }: FileFields): void {
  const unknown = files.filter((f) => !binaries.includes(f.fieldname));
  const missing = required.filter((b) => !files.some((f) => f.fieldname === b));
  const errors = [
    ...unknown.map((f) => ({ pointer: `/multipart/${f.fieldname}`, message: 'unexpected file field' })),
    ...missing.map((b) => ({ pointer: `/multipart/${b}`, message: 'a file is required' })),
    ...binaries
      .filter((b) => files.filter((f) => f.fieldname === b).length > 1)
      .map((b) => ({ pointer: `/multipart/${b}`, message: 'only one file is accepted' })),
  ];
  if (errors.length > 0)
    throw new ProblemError('validation-failed', 'the multipart body does not match the contract', { errors });
}

export function multipartSchema(operation: OpenAPIV3.OperationObject): Schema | undefined {
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  return body?.content?.['multipart/form-data']?.schema as Schema | undefined;
}
