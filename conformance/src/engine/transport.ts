import type { HttpRequest, HttpResponse } from './http.ts';

/** Anything that sends a request and answers its response: the HTTP client, or a layer wrapped around it. */
export interface Transport {
  send(req: HttpRequest): Promise<HttpResponse>;
}
