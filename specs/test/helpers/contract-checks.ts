// Checks of docs/spec-conventions.md over one raw service document (refs kept). Each returns human-readable
// violations; an empty list means the document follows the convention. Tests run them on the real documents and on
// deliberately broken copies, so each check is shown to fire.
import { atPointer, operationsOf, type Json } from './openapi-docs.ts';

const where = (path: string, method: string) => `${method.toUpperCase()} ${path}`;
const SECURED = JSON.stringify([{ bearerAuth: [] }]);

/** Secured (`security: [{bearerAuth: []}]` + non-empty `x-authz`) or public (`security: []` + `x-public.reason`). */
export function securityViolations(doc: Json, name: string): string[] {
  const out: string[] = [];
  for (const { path, method, operation } of operationsOf(doc, name)) {
    const security = JSON.stringify(operation.security);
    const at = where(path, method);
    if (security === SECURED) {
      if (!Array.isArray(operation['x-authz']) || operation['x-authz'].length === 0)
        out.push(`${at}: secured without x-authz`);
      if (operation['x-public']) out.push(`${at}: secured and x-public`);
      if (!operation.responses?.['401']) out.push(`${at}: secured without a 401 response`);
    } else if (security === '[]') {
      if (typeof operation['x-public']?.reason !== 'string' || operation['x-public'].reason.trim() === '') {
        out.push(`${at}: public without x-public.reason`);
      }
      if (operation['x-authz']) out.push(`${at}: public with x-authz`);
    } else {
      out.push(`${at}: security must be [{bearerAuth: []}] or [] (got ${security})`);
    }
  }
  return out;
}

/** Each x-authz deny status is a documented response, and each rule names a clause. */
export function authzViolations(doc: Json, name: string): string[] {
  const out: string[] = [];
  for (const { path, method, operation } of operationsOf(doc, name)) {
    for (const rule of operation['x-authz'] ?? []) {
      const at = `${where(path, method)} rule ${rule.rule}`;
      if (!rule.clause) out.push(`${at}: no clause`);
      if (rule.deny !== undefined && !operation.responses?.[String(rule.deny)])
        out.push(`${at}: deny ${rule.deny} is not a documented response`);
      if (rule.rule === 'owner' && !rule.kind) out.push(`${at}: owner without kind`);
    }
  }
  return out;
}

/** Every error response (4xx/5xx) is the shared problem response or application/problem+json with the Problem schema. */
export function errorShapeViolations(doc: Json, name: string): string[] {
  const out: string[] = [];
  for (const { path, method, operation } of operationsOf(doc, name)) {
    for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) {
      if (!/^[45]/.test(status)) continue;
      const resolved = response.$ref ? atPointer(doc, response.$ref) : response;
      const target = resolved?.$ref ? { shared: resolved.$ref } : resolved;
      if (target?.shared) {
        if (!/components\/problem\.yaml#\/responses\//.test(target.shared))
          out.push(`${where(path, method)} ${status}: not a problem response (${target.shared})`);
        continue;
      }
      const media = Object.keys(target?.content ?? {});
      if (media.join() !== 'application/problem+json')
        out.push(`${where(path, method)} ${status}: content ${media.join() || 'none'} is not application/problem+json`);
    }
  }
  return out;
}

/** The retryable unsafe operations declare x-idempotency exactly as the conventions say, with the header, 409 and 422. */
export const IDEMPOTENT_OPERATIONS = [
  'sendMessage',
  'sendMessageWithUpload',
  'createPost',
  'uploadPost',
  'uploadMedia',
  'createComment',
];
const IDEMPOTENCY = JSON.stringify({ header: 'Idempotency-Key', scope: 'caller', ttl: 'PT24H', required: false });

export function idempotencyViolations(doc: Json, name: string): string[] {
  const out: string[] = [];
  for (const { path, method, operation } of operationsOf(doc, name)) {
    const at = where(path, method);
    const declared = operation['x-idempotency'];
    if (!IDEMPOTENT_OPERATIONS.includes(operation.operationId)) {
      if (declared) out.push(`${at}: x-idempotency on an operation outside the retryable list`);
      continue;
    }
    if (JSON.stringify(declared) !== IDEMPOTENCY) out.push(`${at}: x-idempotency must be ${IDEMPOTENCY}`);
    const header = (operation.parameters ?? []).some((p: Json) => p.$ref === '#/components/parameters/IdempotencyKey');
    if (!header) out.push(`${at}: no Idempotency-Key parameter`);
    for (const status of ['409', '422']) if (!operation.responses?.[status]) out.push(`${at}: no ${status} response`);
  }
  return out;
}

/** operationId camelCase, tags [service], a summary, examples on request bodies and success responses. */
export function shapeViolations(doc: Json, name: string): string[] {
  const out: string[] = [];
  for (const { path, method, operation } of operationsOf(doc, name)) {
    const at = where(path, method);
    if (!/^[a-z][A-Za-z0-9]*$/.test(operation.operationId ?? '')) out.push(`${at}: operationId not camelCase`);
    if (JSON.stringify(operation.tags) !== JSON.stringify([name])) out.push(`${at}: tags must be [${name}]`);
    if (!operation.summary) out.push(`${at}: no summary`);
    for (const [type, media] of Object.entries<Json>(operation.requestBody?.content ?? {})) {
      if (
        media.example === undefined &&
        media.examples === undefined &&
        type !== 'application/octet-stream' &&
        type !== '*/*'
      ) {
        out.push(`${at}: request ${type} has no example`);
      }
    }
    for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) {
      if (!/^2/.test(status) || response.$ref) continue;
      for (const [type, media] of Object.entries<Json>(response.content ?? {})) {
        if (type === 'application/json' && media.example === undefined && media.examples === undefined)
          out.push(`${at} ${status}: no example`);
      }
    }
  }
  return out;
}

/** Operations with input declare 400; operations with a body declare 413, and 415 unless they accept any type. */
export function inputStatusViolations(doc: Json, name: string): string[] {
  const out: string[] = [];
  for (const { path, method, operation } of operationsOf(doc, name)) {
    const at = where(path, method);
    const responses = operation.responses ?? {};
    const hasInput = operation.requestBody || (operation.parameters ?? []).length > 0 || path.includes('{');
    if (hasInput && !responses['400']) out.push(`${at}: takes input but declares no 400`);
    if (!operation.requestBody) continue;
    if (!responses['413']) out.push(`${at}: takes a body but declares no 413`);
    const anyType = Object.keys(operation.requestBody.content ?? {}).includes('*/*');
    if (!anyType && !responses['415']) out.push(`${at}: takes a body but declares no 415`);
  }
  return out;
}
