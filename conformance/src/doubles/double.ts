/**
 * A recording double of a downstream dependency: an HTTP server that serves one service of the spec, enforces the
 * spec's security for its operations and records every request's Authorization, so a check can see the calls an
 * implementation makes on a caller's behalf instead of inferring them from side effects.
 */

/** One request the double received. */
export interface Recorded {
  at: number;
  method: string;
  path: string;
  /** The spec operation the request matched, if any. */
  operationId?: string;
  /** The Authorization header as received (absent when the request carried none). */
  authorization?: string;
  /** The `sub` of a bearer the double accepted. */
  sub?: string;
  /** What the double answered (401 when the spec's security refused the request). */
  status: number;
  /** The request body as text (first 64 KiB), to find a check's canary in it. */
  body: string;
}

/** A caller the double authenticated, handed to an operation's handler. */
export interface Caller {
  sub: string;
}

export interface DoubleRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  caller?: Caller;
  /** The double's own base URL (for links it hands out). */
  baseUrl: string;
}

export interface DoubleResponse {
  status: number;
  json?: unknown;
  /** Raw bytes instead of JSON (a file). */
  raw?: Buffer;
  headers?: Record<string, string>;
}

/** What a dependency's double does for each of its operations (by operationId); others answer 501. */
export interface DoubleDefinition {
  /** The `--double` name, e.g. `media`. */
  name: string;
  /** The spec service it stands in for (x-service). */
  service: string;
  handlers: Record<string, (req: DoubleRequest) => DoubleResponse | Promise<DoubleResponse>>;
}

/** A started double (in this process or reached over HTTP), as the checks see it. */
export interface RunningDouble {
  name: string;
  service: string;
  url: string;
  /** Every request received so far, oldest first. */
  requests(): Promise<Recorded[]>;
  close(): Promise<void>;
}

/** Where a double exposes what it recorded (not a spec path: no service serves it). */
export const RECORDINGS_PATH = '/__conformance/requests';

const PROBLEM_SLUGS: Record<number, [string, string]> = {
  400: ['validation-failed', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  404: ['not-found', 'Not Found'],
  413: ['payload-too-large', 'Content Too Large'],
  415: ['unsupported-media-type', 'Unsupported Media Type'],
  500: ['internal-error', 'Internal Server Error'],
  501: ['not-implemented', 'Not Implemented'],
};

/** An RFC 9457 answer in the spec's problem shape (docs/problems.md). */
export function problem(status: number, detail: string, headers?: Record<string, string>): DoubleResponse {
  const [slug, title] = PROBLEM_SLUGS[status] ?? ['internal-error', 'Internal Server Error'];
  return { status, headers, json: { type: `https://socialnet.dev/problems/${slug}`, title, status, detail } };
}
