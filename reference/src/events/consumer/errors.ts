/** Why a record goes to the DLQ without retry (dlq-reason in specs/asyncapi/components/dlq.yaml). */
export type PoisonReason = 'envelope-invalid' | 'undecodable' | 'schema-invalid' | 'non-retryable';
export type DlqReason = PoisonReason | 'retries-exhausted';

/** The record itself is bad: retrying cannot help. */
export class PoisonRecordError extends Error {
  override readonly name: string;
  constructor(
    readonly reason: PoisonReason,
    message: string,
  ) {
    super(message);
    this.name = {
      'envelope-invalid': 'EnvelopeError',
      undecodable: 'DecodeError',
      'schema-invalid': 'SchemaValidationError',
      'non-retryable': 'NonRetryableEffectError',
    }[reason];
  }
}

// SQLSTATE classes of a failure that a later attempt may not repeat: connection (08), transaction rollback
// (40: serialization failure, deadlock), insufficient resources (53), operator intervention (57), system (58).
const TRANSIENT_SQLSTATE = /^(08|40|53|57|58)/;
// Node socket errors seen when the database is unreachable.
const TRANSIENT_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Retry or dead-letter? Data errors of the effect (SQLSTATE 22 data exception, 23 integrity violation, 42 syntax or
 * access) and PoisonRecordError are permanent; connection and concurrency failures are transient; anything unknown
 * is treated as transient, so it is retried and reaches the DLQ only after the last retry.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof PoisonRecordError) return false;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_ERRNO.has(code)) return true;
    if (/^(22|23|42)/.test(code)) return false;
  }
  return true;
}

export function errorClass(error: unknown): string {
  return error instanceof Error ? error.name || error.constructor.name : typeof error;
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1024 ? text.slice(0, 1024) : text;
}
