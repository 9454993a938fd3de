import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunResult } from '../../src/engine/findings.ts';
import { runConformance } from '../../src/run.ts';

/**
 * Failing cases no variant of the reference can produce (the reference's router and gateway answer unknown routes
 * themselves): small foreign servers, each run with the checks it must fail. Together with the defect fixtures'
 * `defect:*` tags they give every check a run in which it fails (every-check-fails.test.ts).
 */
export interface ForeignCase {
  name: string;
  /** What the server does the way another team's implementation might. */
  behaves: string;
  /** Exactly the checks that fail against it (the run selects these). */
  fails: string[];
  run(): Promise<RunResult>;
}

/** A service that answers every request the way a bare Express app answers a route it does not have. */
async function withExpressDefaults<T>(use: (url: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    const body = `<!DOCTYPE html>\n<html lang="en"><body><pre>Cannot ${req.method} ${req.url}</pre></body></html>\n`;
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export const FOREIGN_CASES: ForeignCase[] = [
  {
    name: 'express-default-404',
    behaves: 'unknown routes and wrong methods get Express\'s default 404 page (text/html, no 405, no Allow)',
    fails: ['contract.unknown-route'],
    run: () => withExpressDefaults((url) => runConformance({ services: { users: url }, jwtSecret: 'foreign-case', only: ['contract.unknown-route'] })),
  },
];
