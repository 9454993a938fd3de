import { curlCommand } from './curl.ts';
import type { Exchange } from './findings.ts';
import { redactBody, redactHeaders } from './redact.ts';

export type FormField = string | { filename: string; type: string; content: string };

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** A JSON body (serialised here). */
  json?: unknown;
  /** A raw body, sent as is (e.g. deliberately malformed JSON). */
  raw?: string;
  form?: Record<string, FormField>;
  identity?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body when it is JSON, otherwise undefined. */
  json: any;
  exchange: Exchange;
}

/** The implementation could not be reached or did not answer in time. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly exchange: Exchange,
  ) {
    super(message);
  }
}

const MAX_RECORDED = 4096;

/** Sends requests with a per-request deadline and records each exchange (secrets redacted) with a curl repro. */
export class HttpClient {
  constructor(
    private readonly timeoutMs: number,
    private readonly onExchange: (e: Exchange) => void = () => {},
  ) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...req.headers };
    let body: string | FormData | undefined;
    let recordedBody: string | undefined;
    if (req.form) {
      const form = new FormData();
      for (const [name, field] of Object.entries(req.form)) {
        if (typeof field === 'string') form.append(name, field);
        else form.append(name, new Blob([field.content], { type: field.type }), field.filename);
      }
      body = form;
      recordedBody = Object.entries(req.form)
        .map(([n, f]) => `${n}=${typeof f === 'string' ? f : `<file ${f.filename} ${f.type}>`}`)
        .join('&');
    } else if (req.raw !== undefined) {
      body = req.raw;
      recordedBody = req.raw;
      headers['content-type'] ??= 'application/json';
    } else if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      recordedBody = body;
      headers['content-type'] ??= 'application/json';
    }
    const redacted = redactHeaders(headers);
    const exchange: Exchange = {
      request: { method: req.method.toUpperCase(), url: req.url, headers: redacted, body: recordedBody && redactBody(recordedBody) },
      identity: req.identity,
      curl: curlCommand({ method: req.method.toUpperCase(), url: req.url, headers, body: recordedBody && redactBody(recordedBody), form: req.form }),
    };
    let response: Response;
    try {
      response = await fetch(req.url, {
        method: req.method.toUpperCase(),
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const c = (error as any)?.cause;
      const cause = c?.code ?? c?.errors?.[0]?.code ?? c?.message ?? (error as Error).message;
      this.onExchange(exchange);
      throw new TransportError(`${req.method.toUpperCase()} ${req.url}: ${cause}`, exchange);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      this.onExchange(exchange);
      throw new TransportError(`${req.method.toUpperCase()} ${req.url}: body not received (${(error as Error).message})`, exchange);
    }
    const responseHeaders = Object.fromEntries(response.headers.entries());
    exchange.response = {
      status: response.status,
      headers: responseHeaders,
      body: redactBody(text.length > MAX_RECORDED ? `${text.slice(0, MAX_RECORDED)}…` : text),
    };
    this.onExchange(exchange);
    return { status: response.status, headers: responseHeaders, text, json: parseJson(text, responseHeaders), exchange };
  }
}

function parseJson(text: string, headers: Record<string, string>): any {
  if (!/json/i.test(headers['content-type'] ?? '') || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
