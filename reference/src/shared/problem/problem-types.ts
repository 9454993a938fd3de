/**
 * The problem types the reference answers with (RFC 9457). `type` is `${PROBLEM_BASE}<slug>`; the slugs, statuses and
 * titles are those of docs/problems.md and of the specs' problem examples (`test/problem-types.test.ts` keeps the
 * three in step). One table, as in Prism: a slug fixes its status and title; titles are the HTTP reason phrases.
 */
export const PROBLEM_BASE = 'https://socialnet.dev/problems/';

export const PROBLEM_TYPES = {
  'validation-failed': { status: 400, title: 'Bad Request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not Found' },
  'method-not-allowed': { status: 405, title: 'Method Not Allowed' },
  'request-timeout': { status: 408, title: 'Request Timeout' },
  conflict: { status: 409, title: 'Conflict' },
  'idempotency-key-in-flight': { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Content Too Large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported Media Type' },
  'expectation-failed': { status: 417, title: 'Expectation Failed' },
  'idempotency-key-reused': { status: 422, title: 'Unprocessable Content' },
  'rate-limited': { status: 429, title: 'Too Many Requests' },
  'headers-too-large': { status: 431, title: 'Request Header Fields Too Large' },
  'internal-error': { status: 500, title: 'Internal Server Error' },
  'bad-gateway': { status: 502, title: 'Bad Gateway' },
  'service-unavailable': { status: 503, title: 'Service Unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** The slug an authorization rule's `deny` status maps to. */
export function slugForStatus(status: number): ProblemSlug {
  const found = (Object.keys(PROBLEM_TYPES) as ProblemSlug[]).find((slug) => PROBLEM_TYPES[slug].status === status);
  return found ?? (status >= 500 ? 'internal-error' : 'validation-failed');
}
