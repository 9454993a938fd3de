import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../problem/problem.ts';
import type { ProblemSlug } from '../problem/problem-types.ts';

/** What Node's HTTP parser (llhttp) and its timers refuse before any request reaches the app, by error code. */
function slugFor(code: string | undefined): ProblemSlug {
  if (code === 'HPE_HEADER_OVERFLOW') return 'headers-too-large';
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 'payload-too-large';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request-timeout';
  return 'validation-failed';
}

const detailFor = (slug: ProblemSlug, code: string | undefined) =>
  slug === 'headers-too-large' ? 'the request line or headers are larger than this server accepts'
    : slug === 'request-timeout' ? 'the request was not received in time'
      : `the request is not valid HTTP/1.1${code ? ` (${code})` : ''}`;

/** How long a refused connection may keep sending (its bytes are discarded) before it is closed regardless. */
const LINGER_MS = 2000;

/**
 * The server's `clientError` handler: Node answers a request its parser refuses (a 20 KB header → 431; a NUL in the
 * path, an unknown method, duplicate Content-Length → 400; a timeout → 408) with a status line and no body. This sends
 * the same status as the one problem+json shape (documented types only), with `Connection: close`, then closes.
 * Like Node's own handler it writes nothing when a response on that socket has already begun. The connection is
 * half-closed and what the client still sends is read and dropped for a moment, so the close does not reset the
 * connection before the client has read the answer (a client still writing a 100 KB query would otherwise see
 * ECONNRESET instead of the 431).
 */
export function replyToClientError(error: Error & { code?: string }, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const slug = slugFor(error.code);
  const body = JSON.stringify(problemBody(slug, detailFor(slug, error.code)));
  const { status, title } = problemBody(slug);
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
  socket.on('error', () => socket.destroy());
  socket.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
