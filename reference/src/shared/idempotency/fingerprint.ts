import { createHash } from 'node:crypto';

/** Key order does not change a JSON request's meaning, so it does not change its fingerprint. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export interface UploadedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** SHA-256 over the path parameters, the body and each uploaded file's name, type and bytes. */
export function requestFingerprint(params: unknown, body: unknown, files: UploadedFile[] = []): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(canonical({ params, body })));
  for (const file of files) {
    hash.update(`\0${file.fieldname}\0${file.originalname}\0${file.mimetype}\0`);
    hash.update(file.buffer);
  }
  return hash.digest('hex');
}
