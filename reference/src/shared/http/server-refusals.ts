import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../problem/problem.ts';
import type { ProblemSlug } from '../problem/problem-types.ts';

/**
 * What Node's HTTP server refuses before a request reaches the app, answered in the one problem+json shape. Node's
 * own answers are a bare status line (parser errors: 400, 431, 408; a missing Host: 400; an unknown Expect: 417) or
 * a closed connection (CONNECT). Every server of the reference listens through `platform/listen.ts`, which installs
 * these on it.
 */

/** The slug for a `clientError` (llhttp parse errors and Node's request timers), by error code. */
function slugFor(code: string | undefined): ProblemSlug {
  if (code === 'HPE_HEADER_OVERFLOW') return 'headers-too-large';
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 'payload-too-large';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request-timeout';
  return 'validation-failed';
}

const detailFor = (slug: ProblemSlug, code: string | undefined) =>
  slug === 'headers-too-large'
    ? 'the request line or headers are larger than this server accepts'
    : slug === 'request-timeout'
      ? 'the request was not received in time'
      : `the request is not valid HTTP/1.1${code ? ` (${code})` : ''}`;

/** How long a refused connection may keep sending (its bytes are discarded) before it is closed regardless. */
const LINGER_MS = 2000;

/**
 * Writes the problem straight to the socket with `Connection: close`, then closes the connection: half-closed first,
 * and what the client still sends is read and dropped for a moment, so the close does not reset the connection
 * before the client has read the answer (a client still writing a 100 KB query would otherwise see ECONNRESET).
 */
function answerOnSocket(socket: Duplex, slug: ProblemSlug, detail: string): void {
  const { status, title } = problemBody(slug);
  const body = JSON.stringify(problemBody(slug, detail));
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
  socket.on('error', () => socket.destroy());
  socket.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

function answerOnResponse(res: ServerResponse, slug: ProblemSlug, detail: string, instance?: string): void {
  const body = JSON.stringify(problemBody(slug, detail, instance));
  res.shouldKeepAlive = false;
  res.writeHead(problemBody(slug).status, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  res.end(body);
}

/**
 * `clientError`: a request the parser refuses (a 20 KB header → 431; a NUL in the path or a header, an unknown method,
 * duplicate Content-Length → 400) or a timeout (408). Like Node's own handler it writes nothing when a response on
 * that socket has already begun.
 */
export function replyToClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const slug = slugFor(error.code);
  answerOnSocket(socket, slug, detailFor(slug, error.code));
}

/** RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400 (Node's `requireHostHeader` sends it without a body). */
export function requireHost(handler: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.httpVersion === '1.1' && req.headers.host === undefined) {
      return answerOnResponse(res, 'validation-failed', 'an HTTP/1.1 request needs a Host header', req.url);
    }
    handler(req, res);
  };
}

/** Installs the refusals on a server created with `requireHostHeader: false` around `requireHost(handler)`. */
export function installServerRefusals(server: Server): void {
  server.on('clientError', replyToClientError);
  // CONNECT is for proxies; Node closes the connection when nobody listens for it
  server.on('connect', (_req: IncomingMessage, socket: Duplex) =>
    answerOnSocket(socket, 'validation-failed', 'CONNECT is not supported: this server is not a proxy'),
  );
  // an Expect other than 100-continue (Node answers a bare 417)
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) =>
    answerOnResponse(
      res,
      'expectation-failed',
      `the expectation ${JSON.stringify(req.headers.expect)} is not supported`,
      req.url,
    ),
  );
}
