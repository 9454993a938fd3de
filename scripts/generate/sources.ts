// The spec documents the generators read, found the same way every time (sorted, top-level files only).
import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASYNCAPI_DIR, GATEWAY_DOCUMENT, OPENAPI_DIR, readYaml } from '@socialnet/specs/model';

export { ASYNCAPI_DIR, OPENAPI_DIR };
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const GATEWAY = basename(GATEWAY_DOCUMENT, '.yaml');

export interface SpecDoc {
  /** file name without extension: `chats`, `gateway`, `posts` ... */
  name: string;
  file: string;
  /** path from the repository root, as headers cite it */
  rel: string;
}

function docsIn(dir: string, marker: 'openapi' | 'asyncapi'): SpecDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f))
    .filter((file) => {
      const data = readYaml(file) as Record<string, unknown> | null;
      return data !== null && typeof data === 'object' && marker in data;
    })
    .map((file) => ({ name: basename(file, '.yaml'), file, rel: relative(ROOT, file) }));
}

/** Every OpenAPI document: the service documents and the bundled gateway document. */
export const openApiDocs = (): SpecDoc[] => docsIn(OPENAPI_DIR, 'openapi');
export const serviceDocs = (): SpecDoc[] => openApiDocs().filter((d) => d.name !== GATEWAY);
export function gatewayDoc(): SpecDoc {
  const doc = openApiDocs().find((d) => d.name === GATEWAY);
  if (!doc) throw new Error('specs/openapi/gateway.yaml is missing: run `npm run bundle:specs` first');
  return doc;
}
export const asyncApiDocs = (): SpecDoc[] => docsIn(ASYNCAPI_DIR, 'asyncapi');
