/** The operation model the checks read: one entry per OpenAPI operation, with the x- extensions of docs/spec-conventions.md. */
export type { AuthzRule, Emits, HttpMethod, Idempotency, ResourceRef } from '@socialnet/specs/model';
import type { AuthzRule, Emits, HttpMethod, Idempotency, Propagation, PublicDeclaration } from '@socialnet/specs/model';

export type JsonSchema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  example?: unknown;
}

export interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
  encoding?: Record<string, { contentType?: string }>;
}

export interface ResponseSpec {
  description?: string;
  headers?: Record<string, { schema?: JsonSchema; required?: boolean }>;
  content?: Record<string, MediaType>;
}

/** Where something is stated in the spec files: a repo-relative file, a JSON pointer and a 1-based line. */
export interface SpecLocation {
  file: string;
  pointer: string;
  line: number;
}

export interface Operation {
  operationId: string;
  method: HttpMethod;
  service: string;
  /** The path the service itself serves. */
  servicePath: string;
  /** The path under the gateway (service path behind its prefix). */
  gatewayPath: string;
  summary?: string;
  secured: boolean;
  public?: PublicDeclaration;
  authz: AuthzRule[];
  idempotency?: Idempotency;
  emits: Emits[];
  /** x-propagates: downstream calls that must carry a credential. */
  propagates: Propagation[];
  /** False when x-gateway: false (the operation is served on the service's own port only). */
  gateway: boolean;
  /** The component schema name of the success response (`Chat`, `Message`), for resource recipes. */
  resultSchema?: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseSpec>;
  location: SpecLocation;
}

export interface Clause {
  id: string;
  title: string;
  file?: string;
  pointer?: string;
  ref?: string;
  location?: SpecLocation;
}
