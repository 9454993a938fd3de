import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultyProxyOptions {
  /** The upstream base URL (the reference's gateway). */
  target: string;
  /** How long to hold the n-th request (0-based) before forwarding it. */
  delayMs?: (req: http.IncomingMessage, n: number) => number;
  /**
   * Reset every `resetEvery`-th connection. Every connection carries one request (the proxy answers with
   * `Connection: close`). Resets alternate between before forwarding (the target never saw the request) and after
   * the target answered (the effect is applied, the answer is lost): a client cannot tell them apart.
   */
  resetEvery?: number;
}

export interface FaultyProxy {
  url: string;
  /** Connections reset so far, with the request each carried. */
  resets: string[];
  /** Requests forwarded to the target, by "METHOD path". */
  forwarded: string[];
  close(): Promise<void>;
}

/** A proxy in front of a target that is slow and/or drops connections, deterministically (a fixture, not chance). */
export async function startFaultyProxy(options: FaultyProxyOptions): Promise<FaultyProxy> {
  const upstream = new URL(options.target);
  const resets: string[] = [];
  const forwarded: string[] = [];
  let requests = 0;
  let connections = 0;
  const server = http.createServer((req, res) => {
    const n = requests++;
    const connection = (req.socket as any).conformanceConnection as number;
    const what = `${req.method} ${req.url}`;
    const resetting = options.resetEvery !== undefined && connection % options.resetEvery === options.resetEvery - 1;
    const afterAnswer = resetting && Math.floor(connection / options.resetEvery!) % 2 === 1;
    if (resetting && !afterAnswer) {
      resets.push(`${what} (before forwarding)`);
      req.socket.resetAndDestroy();
      return;
    }
    const delay = options.delayMs?.(req, n) ?? 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        forwarded.push(what);
        const headers = { ...req.headers, host: upstream.host };
        const out = http.request(
          { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
          (answer) => {
            const body: Buffer[] = [];
            answer.on('data', (c: Buffer) => body.push(c));
            answer.on('end', () => {
              if (afterAnswer) {
                resets.push(`${what} (after the target answered ${answer.statusCode})`);
                req.socket.resetAndDestroy();
                return;
              }
              const h = { ...answer.headers, connection: 'close' };
              delete h['transfer-encoding'];
              h['content-length'] = String(Buffer.concat(body).length);
              res.writeHead(answer.statusCode ?? 502, h);
              res.end(Buffer.concat(body));
            });
          },
        );
        out.on('error', (error) => {
          res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' });
          res.end(`proxy: ${error.message}`);
        });
        out.end(Buffer.concat(chunks));
      }, delay);
    });
  });
  server.on('connection', (socket) => {
    (socket as any).conformanceConnection = connections++;
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    resets,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
