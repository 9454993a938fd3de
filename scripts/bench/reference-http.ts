// Benchmark of the reference's HTTP side (issue 5), all figures from one run on one machine:
//   npx tsx scripts/bench/reference-http.ts [--duration 8] [--connections 10]
// Database: TEST_DATABASE_URL (a fresh database on real PostgreSQL, dropped afterwards), else embedded PGlite
// (printed, since the target is stated for PostgreSQL). Prints requests/s and p50/p99 latency for
//   1. a bare Express endpoint answering a fixed JSON page (the baseline),
//   1b. GET /api/whoami: the same gateway, JWT and spec pipeline without SQL (isolates the framework's cost),
//   2. an authenticated history read through the gateway: GET /api/chats/{id}/messages?limit=20 (JWT verify,
//      routing + validation by openapi-backend, chat-member rule, one SQL page),
//   3. a message send: POST /api/messages (validation, chat-member rule, message + outbox in one transaction),
// and the ratio of 2 to 1 (target: at least 0.5).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import express from 'express';
import pg from 'pg';
import { startPlatform } from '../../reference/src/index.ts';

const { values: args } = parseArgs({ options: { duration: { type: 'string' }, connections: { type: 'string' } } });
const DURATION = Number(args.duration ?? 8);
const CONNECTIONS = Number(args.connections ?? 10);
const SECRET = 'bench-secret-bench-secret-bench-secret-01';

async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_ref_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const database = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL) : undefined;
const platform = await startPlatform({ jwtSecret: SECRET, logLevel: 'silent', databaseUrl: database?.url });
const api = `${platform.baseUrl}/api`;
const json = { 'content-type': 'application/json' };
const register = await fetch(`${api}/users`, { method: 'POST', headers: json, body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'correct-horse', name: 'bench' }) });
const { access_token: token } = (await register.json()) as { access_token: string };
const auth = { ...json, authorization: `Bearer ${token}` };
const chat = (await (await fetch(`${api}/chats`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'bench' }) })).json()) as { id: number };
for (let i = 0; i < 100; i++) await fetch(`${api}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ chat_id: chat.id, text: `message ${i}` }) });
const page = await (await fetch(`${api}/chats/${chat.id}/messages?limit=20`, { headers: auth })).json();

// the baseline: the same page of JSON from a bare Express route in the same process
const bare = express();
bare.get('/bare', (_req, res) => void res.json(page));
const bareServer = bare.listen(0, '127.0.0.1');
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as { port: number }).port;

type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };
async function measure(name: string, options: Parameters<typeof autocannon>[0]): Promise<Row> {
  await autocannon({ ...options, connections: CONNECTIONS, duration: 1 }); // warm-up
  const r = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION });
  return { name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

const rows = [
  await measure('bare Express GET (baseline)', { url: `http://127.0.0.1:${barePort}/bare` }),
  await measure('authenticated, no database: GET /api/whoami', { url: `${api}/whoami`, headers: auth }),
  await measure('history read GET /api/chats/{id}/messages', { url: `${api}/chats/${chat.id}/messages?limit=20`, headers: auth }),
  await measure('message send POST /api/messages', { url: `${api}/messages`, method: 'POST', headers: auth, body: JSON.stringify({ chat_id: chat.id, text: 'benchmark message' }) }),
];

console.log(`reference HTTP benchmark: ${platform.db.kind === 'postgres' ? 'real PostgreSQL' : 'embedded PGlite (set TEST_DATABASE_URL for PostgreSQL)'}, ` +
  `${CONNECTIONS} connections, ${DURATION} s per run, Node ${process.version}`);
console.log('| run | req/s | p50 ms | p99 ms | non-2xx | errors |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
const ratio = rows[2]!.rps / rows[0]!.rps;
console.log(`authenticated whoami (gateway + JWT + spec pipeline, no SQL) / bare endpoint: ${(rows[1]!.rps / rows[0]!.rps).toFixed(2)}`);
console.log(`authenticated history read / bare endpoint: ${ratio.toFixed(2)} (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);

bareServer.close();
await platform.close();
await database?.drop();
