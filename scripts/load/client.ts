import type { LoadStats } from './stats.ts';

/**
 * Past this a request counts as a hang (a transport error), whatever the server does later. Far above any bound of
 * the reference's own (10 s to get a PostgreSQL connection, 3-5 s for a call to another service), so that only a request
 * nothing bounds reaches it, even on a loaded machine.
 */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** Thrown by `call` when a step did not get the 2xx it needs; already recorded, so a session just stops. */
export class StepFailed extends Error {}

/** Calls the gateway's API and records every outcome, 2xx or not, in `stats`. */
export function apiClient(apiUrl: string, stats: LoadStats) {
  return async function call(
    step: string,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const at = Date.now();
    const t0 = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${apiUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      const transport = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message);
      stats.record({ step, status: 0, ms: performance.now() - t0, transport, at });
      throw new StepFailed(`${step}: ${transport}`);
    }
    const ms = performance.now() - t0;
    let body: any = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const ok = response.status >= 200 && response.status < 300;
    const problem =
      !ok && response.headers.get('content-type')?.startsWith('application/problem+json')
        ? (body?.type as string | undefined)
        : undefined;
    stats.record({
      step,
      status: response.status,
      ms,
      at,
      problemType: problem,
      retryAfter: ok ? undefined : response.headers.get('retry-after'),
    });
    if (!ok) throw new StepFailed(`${step}: ${response.status} ${text.slice(0, 200)}`);
    return { status: response.status, body, headers: response.headers };
  };
}

export type Call = ReturnType<typeof apiClient>;
