import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import * as model from '@socialnet/specs/model';

// The reference reads its documents through the spec model (specs/model); this module only gives them the
// openapi-types shapes the HTTP layer works with.
export { HTTP_METHODS } from '@socialnet/specs/model';

export type OpenApiDocument = OpenAPIV3.Document;

/** specs/openapi. */
export const SPECS_DIR = model.OPENAPI_DIR;

export const specPath = (file: string): string => path.join(SPECS_DIR, file);

/** Loads a service document with every relative `$ref` resolved, as a fresh object the caller may transform. */
export async function loadSpec(file: string): Promise<OpenApiDocument> {
  return (await model.dereference(specPath(file))) as OpenApiDocument;
}

type OperationObject = OpenAPIV3.OperationObject & Record<string, unknown>;
export type OperationEntry = model.OperationEntry<OperationObject, OpenAPIV3.ParameterObject>;

export const operationsOf = (doc: OpenApiDocument): OperationEntry[] => model.operationsOf(doc);

export const findOperation = (doc: OpenApiDocument, operationId: string): OperationEntry | undefined =>
  model.findOperation(doc, operationId);
