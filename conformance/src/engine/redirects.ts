import type { HttpRequest, HttpResponse } from './http.ts';
import type { Transport } from './transport.ts';

/** A request that says which statuses its operation documents (those are answers, never followed). */
export type RedirectableRequest = HttpRequest & { documentedStatuses?: string[] };

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;

/**
 * A layer that follows a redirect only where that cannot change what the request means: to the same origin, and
 * for 301/302/303 only when the method is GET or HEAD (307/308 keep method and body). Any other 3xx is returned as
 * it is, and the verdicts treat it as a deviation: a redirect is never success and never access.
 */
export class RedirectLayer implements Transport {
  constructor(private readonly inner: Transport) {}

  get losses() {
    return this.inner.losses;
  }

  async send(req: RedirectableRequest): Promise<HttpResponse> {
    let current = req;
    for (let hop = 0; ; hop++) {
      const res = await this.inner.send(current);
      // A redirect the operation documents (media content: 307 to a signed URL) is its specified answer.
      if (req.documentedStatuses?.includes(String(res.status))) return res;
      const next = hop < MAX_HOPS ? followable(current, res) : undefined;
      if (!next) return res;
      current = { ...current, url: next };
    }
  }
}

/** The URL to follow, or undefined when the redirect must be reported instead. */
export function followable(req: HttpRequest, res: HttpResponse): string | undefined {
  if (!REDIRECT.has(res.status)) return undefined;
  const location = res.headers.location;
  if (!location) return undefined;
  const from = new URL(req.url);
  const to = new URL(location, from);
  if (to.origin !== from.origin) return undefined;
  const method = req.method.toUpperCase();
  if (res.status !== 307 && res.status !== 308 && method !== 'GET' && method !== 'HEAD') return undefined;
  return to.toString();
}

export const isRedirect = (status: number) => status >= 300 && status < 400;

/** Text for a 3xx the layer did not follow. */
export function redirectText(res: HttpResponse): string {
  return `${res.status} redirect to ${res.headers.location ?? '(no Location)'} (not followed: another origin, or a method a redirect may change)`;
}
