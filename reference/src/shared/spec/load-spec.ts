import $RefParser from '@apidevtools/json-schema-ref-parser';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';

export type OpenApiDocument = OpenAPIV3.Document;

/** specs/openapi, found from this file (reference/src/shared/spec → repository root). */
export const SPECS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../specs/openapi');

export const specPath = (file: string): string => path.join(SPECS_DIR, file);

/** Loads a service document with every relative `$ref` resolved, as a fresh object the caller may transform. */
export async function loadSpec(file: string): Promise<OpenApiDocument> {
  return (await $RefParser.dereference(specPath(file))) as unknown as OpenApiDocument;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface OperationEntry {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  operation: OpenAPIV3.OperationObject & Record<string, unknown>;
}

export function operationsOf(doc: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (operation) entries.push({ method, path: p, operation: operation as OperationEntry['operation'] });
    }
  }
  return entries;
}

export function findOperation(doc: OpenApiDocument, operationId: string): OperationEntry | undefined {
  return operationsOf(doc).find((e) => e.operation.operationId === operationId);
}
