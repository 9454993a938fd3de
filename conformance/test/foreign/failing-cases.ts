import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunResult } from '../../src/engine/findings.ts';
import { runConformance } from '../../src/run.ts';

/**
 * Failing cases no variant of the reference can produce (the reference's router and gateway answer unknown routes
 * themselves): small foreign servers, each run with the checks it must fail. Together with the defect fixtures'
 * `defect:*` tags and the tests in TESTED_ELSEWHERE they give every check a run in which it fails
 * (every-check-fails.test.ts).
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
    res
      .writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) })
      .end(body);
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
    behaves: "unknown routes and wrong methods get Express's default 404 page (text/html, no 405, no Allow)",
    fails: ['contract.unknown-route'],
    run: () =>
      withExpressDefaults((url) =>
        runConformance({ services: { users: url }, jwtSecret: 'foreign-case', only: ['contract.unknown-route'] }),
      ),
  },
];

/**
 * Checks whose failing case is a test of its own rather than a fixture of the prove matrix, because the fault cannot
 * be shown alone against every check: each of the original's feed faults pages by offset, which also repeats entries
 * for feed.cursor-stable and feed.order, so feed-design.test.ts runs each fault with its one check selected.
 * every-check-fails.test.ts holds each entry to a test of that name in that file which names the check.
 */
export const TESTED_ELSEWHERE: Array<{ check: string; file: string; test: string }> = [
  {
    check: 'feed.cursor-stable',
    file: 'conformance/test/feed/feed-design.test.ts',
    test: 'offset pages (the original paged by offset): feed.cursor-stable fails with repeated entries',
  },
  {
    check: 'feed.order',
    file: 'conformance/test/feed/feed-design.test.ts',
    test: 'whole-second scores with arbitrary ties (the original rebuild): feed.order fails',
  },
  {
    check: 'feed.excludes',
    file: 'conformance/test/feed/feed-design.test.ts',
    test: 'followees read once and blocks ignored (the original): feed.excludes fails for unfollowed and blocked authors only',
  },
];
