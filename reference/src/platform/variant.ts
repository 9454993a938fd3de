import type { ConsumerStepsWrapper } from '../events/consumer/consumer-steps.ts';
import type { Authenticator } from '../shared/auth/principal.ts';
import { findOperation, type OpenApiDocument } from '../shared/spec/load-spec.ts';
import type { OperationHandler } from '../shared/http/handler-types.ts';
import type { PlatformDeps } from './deps.ts';
import type { ServiceName } from './service-names.ts';

/**
 * The composition seam for one-deviation defect fixtures (conformance/test/defects). The reference is correct by
 * default; a variant changes exactly one thing the way the original behaved. See reference/README.md.
 */
export interface PlatformVariant {
  /** A name for logs and reports, e.g. "D3-no-chat-membership". */
  name?: string;
  /** Rewrite a service's loaded OpenAPI document before it drives routing, validation and authorization. */
  transformSpec?(service: ServiceName, doc: OpenApiDocument): OpenApiDocument | void;
  /** Replace a service's bearer-token authenticator (given the platform's JWT secret). */
  authenticators?: Partial<Record<ServiceName, (jwtSecret: string) => Authenticator>>;
  /** Whether service-to-service calls carry the caller's bearer (default true). */
  forwardBearer?: boolean | ((from: ServiceName, to: ServiceName) => boolean);
  /** Replace some of a service's handlers, by operationId (a different design behind the same contract). */
  handlers?: Partial<Record<ServiceName, Record<string, OperationHandler<PlatformDeps>>>>;
  /**
   * Wrap or replace a consumer's processing steps (inbox dedup, retry/DLQ routing), per consumer group and topic as
   * the AsyncAPI documents name them. Applies to the event side `startPlatformWithEvents` starts.
   */
  consumers?: ConsumerStepsWrapper;
}

/** Helpers for `transformSpec`: what the spec says is what protects an operation. */
export function dropAuthz(doc: OpenApiDocument, operationId: string, rule?: string): OpenApiDocument {
  const entry = findOperation(doc, operationId);
  if (!entry) throw new Error(`no operation ${operationId}`);
  const rules = (entry.operation['x-authz'] as { rule: string }[] | undefined) ?? [];
  entry.operation['x-authz'] = rule ? rules.filter((r) => r.rule !== rule) : [];
  return doc;
}

export function makePublic(doc: OpenApiDocument, operationId: string, reason = 'defect fixture'): OpenApiDocument {
  const entry = findOperation(doc, operationId);
  if (!entry) throw new Error(`no operation ${operationId}`);
  entry.operation.security = [];
  entry.operation['x-public'] = { reason };
  delete entry.operation['x-authz'];
  return doc;
}

export const forwardsBearer = (variant: PlatformVariant | undefined, from: ServiceName, to: ServiceName): boolean => {
  const f = variant?.forwardBearer;
  return f === undefined ? true : typeof f === 'function' ? f(from, to) : f;
};
