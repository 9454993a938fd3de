// Benchmark of the reference's HTTP side (issue 5), all figures from one run on one machine:
//   npx tsx scripts/bench/reference-http.ts [--duration 5] [--connections 10] [--rounds 3]
// Database: TEST_DATABASE_URL (a fresh database on real PostgreSQL, dropped afterwards), else embedded PGlite
// (printed, since the target is stated for PostgreSQL). Prints requests/s and p50/p99 latency for
//   baselines, bare Express routes in the same process:
//   1. a fixed JSON page (the same page the history read returns), no I/O,
//   2. the same page read from the same database with plain pg (one query, no auth, no validation),
//   3. as 2 with the membership query first (the same two queries the reference's read makes),
//   the reference, through its gateway:
//   4. GET /api/whoami: gateway, JWT and spec pipeline without SQL (isolates the framework's cost),
//   5. an authenticated history read: GET /api/chats/{id}/messages?limit=20 (JWT verify, routing + validation by
//      openapi-backend, the chat-member rule's query, the page query),
//   6. a message send: POST /api/messages (validation, chat-member rule, message + outbox in one transaction),
// and the read's ratio to each baseline (target: at least 0.5 of bare Express doing the same work; reference/README.md).
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import express from 'express';
import { startPlatform } from '../../reference/src/index.ts';
import { chatsRepo } from '../../reference/src/services/chats/repositories/chats.ts';
import { messagesRepo, messageView } from '../../reference/src/services/chats/repositories/messages.ts';
import { createPostgresDatabase } from '../../reference/src/shared/db/postgres-database.ts';
import { freshDatabase } from '../testing/scratch-database.ts';

const { values: args } = parseArgs({
  options: { duration: { type: 'string' }, connections: { type: 'string' }, rounds: { type: 'string' } },
});
const DURATION = Number(args.duration ?? 5);
const ROUNDS = Number(args.rounds ?? 3);
const CONNECTIONS = Number(args.connections ?? 10);
const SECRET = 'bench-secret-bench-secret-bench-secret-01';

const database = process.env.TEST_DATABASE_URL
  ? await freshDatabase(process.env.TEST_DATABASE_URL, 'bench_ref')
  : undefined;
const platform = await startPlatform({ jwtSecret: SECRET, logLevel: 'silent', databaseUrl: database?.url });
const api = `${platform.baseUrl}/api`;
const json = { 'content-type': 'application/json' };
const register = await fetch(`${api}/users`, {
  method: 'POST',
  headers: json,
  body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'correct-horse', name: 'bench' }),
});
const { access_token: token, user_id: userId } = (await register.json()) as { access_token: string; user_id: string };
const auth = { ...json, authorization: `Bearer ${token}` };
const chat = (await (
  await fetch(`${api}/chats`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'bench' }) })
).json()) as { id: number };
for (let i = 0; i < 100; i++)
  await fetch(`${api}/messages`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ chat_id: chat.id, text: `message ${i}` }),
  });
const page = await (await fetch(`${api}/chats/${chat.id}/messages?limit=20`, { headers: auth })).json();

// the baseline: the same page of JSON from a bare Express route in the same process
const bare = express();
bare.get('/bare', (_req, res) => void res.json(page));
// baselines with the same SQL: plain Express + pg on the reference's database, the reference's own queries
// (its repositories, so the statements and the rows are identical), no auth, no validation, no gateway
const bareDb = database ? createPostgresDatabase(database.url) : platform.db;
const bareItems = async () => (await messagesRepo.page(bareDb, chat.id, 21)).slice(0, 20).map(messageView);
bare.get('/bare-sql', async (_req, res) => void res.json({ items: await bareItems(), limit: 20, next_cursor: null }));
bare.get('/bare-sql-member', async (_req, res) => {
  if (!(await chatsRepo.isMember(bareDb, chat.id, userId))) return void res.status(404).end();
  res.json({ items: await bareItems(), limit: 20, next_cursor: null });
});
const bareServer = bare.listen(0, '127.0.0.1');
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as { port: number }).port;

type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };
async function measure(name: string, options: Parameters<typeof autocannon>[0]): Promise<Row> {
  await autocannon({ ...options, connections: CONNECTIONS, duration: 1 }); // warm-up
  const r = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION });
  return {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

const readScenarios: [string, Parameters<typeof autocannon>[0]][] = [
  ['bare Express GET, fixed JSON page, no SQL', { url: `http://127.0.0.1:${barePort}/bare` }],
  ['bare Express + pg: the page query (1 SQL)', { url: `http://127.0.0.1:${barePort}/bare-sql` }],
  ['bare Express + pg: membership + page (2 SQL)', { url: `http://127.0.0.1:${barePort}/bare-sql-member` }],
  ['reference: GET /api/whoami (JWT + spec pipeline, no SQL)', { url: `${api}/whoami`, headers: auth }],
  [
    'reference: history read GET /api/chats/{id}/messages',
    { url: `${api}/chats/${chat.id}/messages?limit=20`, headers: auth },
  ],
];
const send: [string, Parameters<typeof autocannon>[0]] = [
  'reference: message send POST /api/messages',
  {
    url: `${api}/messages`,
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ chat_id: chat.id, text: 'benchmark message' }),
  },
];
const median = (runs: Row[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
// Rounds alternate the read scenarios, so a drift in the machine's load hits all of them; each row is its median
// round. The sends come last: the rows they write (and PostgreSQL's checkpoints after them) would disturb the reads.
const rounds: Row[][] = readScenarios.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, [name, options]] of readScenarios.entries()) rounds[i]!.push(await measure(name, options));
}
const sendRuns: Row[] = [];
for (let round = 0; round < ROUNDS; round++) sendRuns.push(await measure(...send));
const rows = [...rounds.map(median), median(sendRuns)];
const [bareRow, bareSqlRow, bareMemberRow, whoamiRow, readRow] = rows as [Row, Row, Row, Row, Row, Row];

console.log(
  `reference HTTP benchmark: ${platform.db.kind === 'postgres' ? 'real PostgreSQL' : 'embedded PGlite (set TEST_DATABASE_URL for PostgreSQL)'}, ` +
    `${CONNECTIONS} connections, median of ${ROUNDS} alternating rounds of ${DURATION} s, Node ${process.version}`,
);
console.log('| run | req/s | p50 ms | p99 ms | non-2xx | errors |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
const ratio = (a: Row, b: Row, target?: number) =>
  `${(a.rps / b.rps).toFixed(2)}${target === undefined ? '' : ` (target ≥ ${target.toFixed(2)}: ${a.rps / b.rps >= target ? 'met' : 'NOT met'})`}`;
console.log(
  `history read / bare Express doing the same work (membership + page, the same queries): ${ratio(readRow, bareMemberRow, 0.5)}`,
);
console.log(`history read / bare Express with the page query only (no authorization): ${ratio(readRow, bareSqlRow)}`);
console.log(`history read / bare Express without I/O: ${ratio(readRow, bareRow)}`);
console.log(
  `  (bare Express + 1 SQL / bare Express without I/O: ${ratio(bareSqlRow, bareRow)}: the ceiling of any endpoint that reads PostgreSQL per request here)`,
);
console.log(`whoami (pipeline, no SQL) / bare Express without SQL: ${ratio(whoamiRow, bareRow)}`);

bareServer.close();
if (bareDb !== platform.db) await bareDb.close();
await platform.close();
await database?.drop();
