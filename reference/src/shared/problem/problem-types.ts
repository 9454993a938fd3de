/**
 * The problem types the reference answers with (RFC 9457). `type` is `${PROBLEM_BASE}<slug>`; slugs are those of
 * docs/problems.md. One table, as in Prism: a slug fixes its status and title.
 */
export const PROBLEM_BASE = 'https://socialnet.dev/problems/';

export const PROBLEM_TYPES = {
  'validation-failed': { status: 400, title: 'Validation Failed' },
  'malformed-request': { status: 400, title: 'Malformed Request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not Found' },
  'method-not-allowed': { status: 405, title: 'Method Not Allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'idempotency-key-in-flight': { status: 409, title: 'Idempotency Key In Flight' },
  'payload-too-large': { status: 413, title: 'Payload Too Large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported Media Type' },
  'idempotency-key-mismatch': { status: 422, title: 'Idempotency Key Mismatch' },
  'rate-limited': { status: 429, title: 'Too Many Requests' },
  'internal-error': { status: 500, title: 'Internal Server Error' },
  'upstream-failed': { status: 502, title: 'Bad Gateway' },
  'service-unavailable': { status: 503, title: 'Service Unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** The slug an authorization rule's `deny` status maps to. */
export function slugForStatus(status: number): ProblemSlug {
  const found = (Object.keys(PROBLEM_TYPES) as ProblemSlug[]).find((slug) => PROBLEM_TYPES[slug].status === status);
  return found ?? (status >= 500 ? 'internal-error' : 'validation-failed');
}
