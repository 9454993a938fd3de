import type { HttpRequest, HttpResponse, TransportStats } from './http.ts';

/** Anything that sends a request and answers its response: the HTTP client, or a layer wrapped around it. */
export interface Transport {
  send(req: HttpRequest): Promise<HttpResponse>;
  /** What was lost on the way and what was done about it: the HTTP client's, forwarded by each layer. */
  readonly losses?: TransportStats;
}
