import type { Principal } from '../auth/principal.ts';

export interface ServiceResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface CallOptions {
  /** The caller whose bearer token is forwarded (RFC 6750; x-propagates in the specs). */
  as?: Principal;
  json?: unknown;
  form?: FormData;
  /** Further request headers (e.g. If-None-Match). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** A call to another service failed at the transport level (unreachable, timed out). */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} unreachable: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

export interface ServiceClient {
  call(method: string, path: string, options?: CallOptions): Promise<ServiceResponse>;
}

/**
 * Real HTTP to another service (its base URL resolved at call time, so split services can start in any order).
 * `forwardBearer` is the seam defect D4 turns off: the original post upload called media without the caller's token.
 */
export function createServiceClient(
  service: string,
  baseUrl: () => string,
  forwardBearer: boolean,
  defaultTimeoutMs = 5000,
): ServiceClient {
  return {
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      if (options.as && forwardBearer) headers.Authorization = `Bearer ${options.as.token}`;
      let body: string | FormData | undefined;
      if (options.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(options.json);
      } else if (options.form) body = options.form;
      let response: Response;
      try {
        response = await fetch(`${baseUrl()}${path}`, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
        });
      } catch (error) {
        throw new ServiceUnavailableError(service, error);
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text for the error message
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}
