import http from 'node:http';
import type { RequestListener } from 'node:http';
import { installServerRefusals, requireHost } from '../shared/http/server-refusals.ts';

export interface Listening {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (loopback only); port 0 picks a free one. Every server of the platform (gateway, split
 * services, a single service) listens here, so each answers what Node's HTTP server refuses as problem+json.
 */
export function listen(handler: RequestListener, port = 0, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = http.createServer({ requireHostHeader: false }, requireHost(handler));
    server.keepAliveTimeout = 5000;
    installServerRefusals(server);
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        url: `http://${host}:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
