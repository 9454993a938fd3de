import net from 'node:net';

/**
 * HTTP/1.1 over a plain TCP socket: the request goes out byte for byte as the test wrote it (no client library
 * normalises the path, refuses a NUL, merges duplicate headers or sets a Content-Length of its own).
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/** A request's bytes: `headers` in order and as given (duplicates kept); Host and Connection: close unless given. */
export function rawHttp(
  method: string,
  target: string,
  headers: [string, string][] = [],
  body?: Buffer | string,
): Buffer {
  const names = new Set(headers.map(([n]) => n.toLowerCase()));
  const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const all: [string, string][] = [
    ...(names.has('host') ? [] : [['Host', 'localhost'] as [string, string]]),
    ...headers,
    ...(bytes && !names.has('content-length') && !names.has('transfer-encoding')
      ? [['Content-Length', String(bytes.length)] as [string, string]]
      : []),
    ...(names.has('connection') ? [] : [['Connection', 'close'] as [string, string]]),
  ];
  const head = `${method} ${target} HTTP/1.1\r\n${all.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes ?? Buffer.alloc(0)]);
}

/** The response in `data` once it is complete, else undefined (`closed`: the server has closed its side). */
function parseResponse(data: Buffer, closed: boolean, head: boolean): RawResponse | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine!)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let rest = data.subarray(end + 4);
  let body: Buffer;
  if (head || status === 204 || status === 304 || (status >= 100 && status < 200)) {
    body = Buffer.alloc(0);
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length < length) return undefined;
    body = rest.subarray(0, length);
  } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const chunks: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd < 0) return undefined;
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (size === 0) break;
      if (rest.length < lineEnd + 2 + size + 2) return undefined;
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    body = Buffer.concat(chunks);
  } else {
    if (!closed) return undefined;
    body = rest;
  }
  return { status, headers, body, text: body.toString('utf8') };
}

/**
 * Sends `request` to `url`'s host and port and resolves with the first complete response. The request is written
 * in pieces as the socket drains, and writing stops when the server answers or closes (a 10 MB body refused early).
 * Rejects when the server closes without a complete response, or when none arrives within `timeoutMs`.
 */
export function sendRaw(url: string, request: Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const head = request.subarray(0, 5).toString('latin1') === 'HEAD ';
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    let settled = false;
    const settle = (closed: boolean, error?: Error) => {
      if (settled) return;
      const response = parseResponse(Buffer.concat(received), closed, head);
      if (!response && !closed && !error) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (response) resolve(response);
      else
        reject(
          new Error(
            `${error ? error.message : 'connection closed'} without a complete response: ${JSON.stringify(Buffer.concat(received).toString('latin1').slice(0, 200))}`,
          ),
        );
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(
        new Error(
          `no complete response within ${timeoutMs} ms: ${JSON.stringify(Buffer.concat(received).toString('latin1').slice(0, 200))}`,
        ),
      );
    }, timeoutMs);
    socket.on('data', (chunk) => {
      received.push(chunk);
      settle(false);
    });
    socket.on('end', () => settle(true));
    socket.on('close', () => settle(true));
    socket.on('error', (error) => settle(true, error));
    let offset = 0;
    const PIECE = 64 * 1024;
    const write = () => {
      while (offset < request.length && !settled && !socket.destroyed) {
        const piece = request.subarray(offset, offset + PIECE);
        offset += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', write);
      }
    };
    socket.on('connect', write);
  });
}
