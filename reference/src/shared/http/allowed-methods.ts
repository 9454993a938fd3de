import { pathItemOperations } from '@socialnet/specs/model';
import type { OpenApiDocument } from '../spec/load-spec.ts';

/** The methods a spec path template serves for a concrete request path (for 405's `Allow`). */
export function allowedMethods(doc: OpenApiDocument, requestPath: string): string[] {
  const clean = requestPath.replace(/\/+$/, '') || '/';
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(clean) && item) {
      return pathItemOperations(template, item).map((e) => e.method.toUpperCase());
    }
  }
  return [];
}
