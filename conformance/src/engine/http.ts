import { randomBytes } from 'node:crypto';
import { curlCommand, type FormField } from './curl.ts';

export type { FormField } from './curl.ts';
export type { TransportStats } from './findings.ts';
import type { Exchange, TransportStats } from './findings.ts';
import { redactBody, redactHeaders } from './redact.ts';

/** Marks a request as one another identity may make: set by the check context, read by the rate-limit layer. */
export interface SpreadOffer {
  userId: string;
  route: string;
}

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
  /**
   * The header the spec offers for this operation's idempotency (x-idempotency), if any. A POST/PATCH that carries
   * it (or gets one here, on its first attempt) may be re-sent with the same key after a lost answer.
   */
  idempotencyHeader?: string;
  /** A set-up step (a user, a resource a check needs): a generous time-out and more retries with backoff. */
  setup?: boolean;
  /**
   * The only acceptable answer is a refusal (a stranger's write, a bad token, an invalid body), so a lost answer may
   * be re-sent even without a key: refused again, neither attempt changed anything; accepted, access was granted
   * whichever attempt did it. Such re-sends are listed with the run.
   */
  refusalExpected?: boolean;
  /** Another identity may make this request (spread.ts): a 429 asking for a long wait is not waited out. */
  spread?: SpreadOffer;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body when it is JSON, otherwise undefined. */
  json: any;
  exchange: Exchange;
  /** How many times the request went out (1 unless an answer was lost and the request could safely be re-sent). */
  attempts: number;
}

/** Why an attempt got no answer. */
export type Loss = 'timeout' | 'reset' | 'refused' | 'other';

/** The implementation could not be reached or did not answer in time. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly exchange: Exchange,
    readonly loss: Loss = 'other',
    /** True when the request was not re-sent because doing so could apply it twice. */
    readonly notResent = false,
  ) {
    super(message);
  }
}

export interface TransportOptions {
  /** Floor of every request's time-out (--timeout). */
  timeoutMs: number;
  /** Floor for set-up steps (registration runs a password KDF; a loaded or slow target needs far more). */
  setupTimeoutMs?: number;
  /** Retries of an answer lost to a time-out, for a request that may be re-sent: set-up steps / checks' own requests. */
  setupRetries?: number;
  retries?: number;
  /**
   * Retries after a reset or closed connection. Cheap and independent of the target's speed, so more of them: with one
   * connection in twenty dropped, two losses in a row happen in most runs of a few hundred requests.
   */
  resetRetries?: number;
  /** Backoff before the first retry (doubles each time). */
  backoffMs?: number;
}

const MAX_RECORDED = 4096;
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Time-outs are this many times the slowest answer seen so far, when that is above the configured floor. */
const ADAPT_FACTOR = 4;
const MAX_TIMEOUT_MS = 300_000;

/**
 * Sends requests and records each exchange (secrets redacted) with a curl repro. Lost answers (a reset connection, a
 * time-out) are retried with backoff when re-sending cannot apply a request twice: idempotent methods, and POST/PATCH
 * carrying the operation's Idempotency-Key. Time-outs adapt to the slowest answer the target has given.
 */
export class HttpClient {
  /** What was lost on the way and what was done about it (the `Transport` interface's `losses`). */
  get losses(): TransportStats {
    return this.stats;
  }

  private readonly stats: TransportStats = {
    requests: 0,
    retries: 0,
    resets: 0,
    timeouts: 0,
    refused: 0,
    slowestMs: 0,
    notResent: [],
    resentRefusals: [],
    replaced: [],
  };
  private readonly options: Required<TransportOptions>;

  constructor(
    options: number | TransportOptions,
    private readonly onExchange: (e: Exchange) => void = () => {},
  ) {
    const o = typeof options === 'number' ? { timeoutMs: options } : options;
    this.options = {
      timeoutMs: o.timeoutMs,
      setupTimeoutMs: o.setupTimeoutMs ?? Math.max(60_000, o.timeoutMs),
      setupRetries: o.setupRetries ?? 3,
      retries: o.retries ?? 1,
      resetRetries: o.resetRetries ?? 4,
      backoffMs: o.backoffMs ?? 250,
    };
  }

  /** The time-out of the next attempt: the floor, or ADAPT_FACTOR × the slowest answer seen, whichever is larger. */
  timeoutFor(setup = false): number {
    const floor = setup ? this.options.setupTimeoutMs : this.options.timeoutMs;
    return Math.min(MAX_TIMEOUT_MS, Math.max(floor, ADAPT_FACTOR * this.stats.slowestMs));
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method.toUpperCase();
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...withIdempotencyKey(req).headers,
    };
    const keyHeader = req.idempotencyHeader;
    const resendable = IDEMPOTENT_METHODS.has(method) || (keyHeader !== undefined && hasHeader(headers, keyHeader));
    const mayResend = resendable || Boolean(req.refusalExpected);
    const timeoutRetries = req.setup ? this.options.setupRetries : this.options.retries;
    const resetRetries = Math.max(timeoutRetries, this.options.resetRetries);
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.attempt(req, method, headers);
        res.attempts = attempt;
        // A keyed retry that overtook its first attempt (still running after a time-out) gets 409: wait for the first.
        if (res.status === 409 && attempt > 1 && keyHeader && attempt <= resetRetries) {
          this.stats.retries++;
          await sleep(this.options.backoffMs * 2 ** (attempt - 1));
          continue;
        }
        return res;
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (error.loss === 'timeout') this.stats.timeouts++;
        else if (error.loss === 'reset') this.stats.resets++;
        else if (error.loss === 'refused') this.stats.refused++;
        const lost = error.loss === 'timeout' || error.loss === 'reset' || (error.loss === 'refused' && req.setup);
        if (!lost || attempt > (error.loss === 'timeout' ? timeoutRetries : resetRetries)) throw error;
        // A refused connection proves the request never arrived, so even a non-idempotent one may go again.
        if (!mayResend && error.loss !== 'refused') {
          // A set-up step's caller replaces it with a new creation and lists it under `replaced` (or errors the target).
          if (!req.setup) this.stats.notResent.push(`${method} ${new URL(req.url).pathname} (${error.loss})`);
          throw new TransportError(
            `${error.message}; not re-sent: ${method} is not idempotent and the request carries no Idempotency-Key, so the target may have applied it`,
            error.exchange,
            error.loss,
            true,
          );
        }
        if (!resendable && req.refusalExpected)
          this.stats.resentRefusals.push(`${method} ${new URL(req.url).pathname} (${error.loss})`);
        this.stats.retries++;
        await sleep(this.options.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private async attempt(req: HttpRequest, method: string, headers: Record<string, string>): Promise<HttpResponse> {
    this.stats.requests++;
    const sent = { ...headers };
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
      sent['content-type'] ??= 'application/json';
    } else if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      recordedBody = body;
      sent['content-type'] ??= 'application/json';
    }
    const redacted = redactHeaders(sent);
    const exchange: Exchange = {
      request: { method, url: req.url, headers: redacted, body: recordedBody && redactBody(recordedBody) },
      identity: req.identity,
      curl: curlCommand({
        method,
        url: req.url,
        headers: sent,
        body: recordedBody && redactBody(recordedBody),
        form: req.form,
      }),
    };
    const timeoutMs = this.timeoutFor(req.setup);
    const started = Date.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(req.url, {
        method,
        headers: sent,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      this.onExchange(exchange);
      const loss = lossOf(error);
      const why = loss === 'timeout' ? `no answer within ${timeoutMs} ms` : causeOf(error);
      throw new TransportError(`${method} ${req.url}: ${why}`, exchange, loss);
    }
    this.stats.slowestMs = Math.max(this.stats.slowestMs, Date.now() - started);
    const responseHeaders = Object.fromEntries(response.headers.entries());
    exchange.response = {
      status: response.status,
      headers: responseHeaders,
      body: redactBody(text.length > MAX_RECORDED ? `${text.slice(0, MAX_RECORDED)}…` : text),
    };
    this.onExchange(exchange);
    return {
      status: response.status,
      headers: responseHeaders,
      text,
      json: parseJson(text, responseHeaders),
      exchange,
      attempts: 1,
    };
  }
}

/**
 * The request with its Idempotency-Key, when the spec offers one for its operation and the request is a POST/PATCH
 * without one yet. A layer that sends a request again after an answer (a 429 waited out) calls this first, so every
 * attempt carries the same key: the target replays instead of applying the write twice, even when an earlier attempt
 * the client thought lost (a time-out) was in fact applied.
 */
export function withIdempotencyKey<R extends HttpRequest>(req: R): R {
  const keyHeader = req.idempotencyHeader;
  if (!keyHeader || IDEMPOTENT_METHODS.has(req.method.toUpperCase()) || hasHeader(req.headers ?? {}, keyHeader))
    return req;
  return { ...req, headers: { ...req.headers, [keyHeader]: `conf-${randomBytes(12).toString('hex')}` } };
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase());
}

function causeOf(error: unknown): string {
  const c = (error as any)?.cause;
  return c?.code ?? c?.errors?.[0]?.code ?? c?.message ?? (error as Error).message;
}

/** Classifies a failed fetch: a time-out, a connection reset or closed before the answer, a refused connection. */
function lossOf(error: unknown): Loss {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const cause = causeOf(error);
  if (/ECONNREFUSED/.test(cause)) return 'refused';
  if (
    /ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|socket hang up|terminated/i.test(
      `${cause} ${(error as Error)?.message}`,
    )
  )
    return 'reset';
  return 'other';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseJson(text: string, headers: Record<string, string>): any {
  if (!/json/i.test(headers['content-type'] ?? '') || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
