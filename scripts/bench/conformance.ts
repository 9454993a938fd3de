/**
 * Benchmark of the conformance suite, with Schemathesis as the baseline, measured in the same run:
 * for the reference (behind its gateway, embedded defaults) and each defect fixture, the wall time and check
 * targets/s of `conformance run` (event and feed checks included, on the reference's embedded broker), whether it caught the defect (failing checks ⊇ the checks tagged for it), and what
 * Schemathesis with its default checks reports on the same spec (specs/openapi/gateway.yaml) and base URL.
 *
 *   npx tsx scripts/bench/conformance.ts [--max-examples N] [--skip-schemathesis]
 *
 * Schemathesis: $SCHEMATHESIS_BIN (eval "$(bash scripts/infra/env.sh)"), else .cache/venv/bin/schemathesis.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHECKS } from '../../conformance/src/checks/index.ts';
import { defectsOf } from '../../conformance/src/engine/check.ts';
import { runChecks } from '../../conformance/src/engine/runner.ts';
import { startReference } from '../../conformance/src/reference.ts';
import { loadSpec, REPO_ROOT } from '../../conformance/src/spec/load.ts';
import { DEFECTS } from '../../conformance/test/defects/index.ts';

const run = promisify(execFile);
const args = process.argv.slice(2);
const maxExamples = Number(args[args.indexOf('--max-examples') + 1]) || 10;
const skipSchemathesis = args.includes('--skip-schemathesis');
const schemathesis = process.env.SCHEMATHESIS_BIN ?? join(REPO_ROOT, '.cache/venv/bin/schemathesis');

/** The operations each review defect lives in: a Schemathesis failure there, new against the reference, counts as caught. */
const DEFECT_OPERATIONS: Record<string, string[]> = {
  D1: [], // an event-consumer defect: nothing an HTTP fuzzer can reach
  D2: ['listNotifications', 'listUserNotifications', 'markNotificationRead', 'createTestNotification'],
  D3: ['sendMessage', 'sendMessageWithUpload', 'listChatMessages', 'markMessageSeen'],
  D4: ['uploadPost'],
  D5: ['listUserNotifications'],
  D6: ['getHomeFeed', 'rebuildHomeFeed'],
};

interface Row {
  target: string;
  seconds: number;
  targets: number;
  perSecond: number;
  failing: string[];
  caught: string;
  st?: { seconds: number; failingOps: string[]; caught: string; exit: number };
}

const spec = await loadSpec();
const rows: Row[] = [];
let referenceStOps: string[] = [];
for (const fixture of [undefined, ...DEFECTS.filter((d) => d.id.startsWith('D'))]) {
  const name = fixture?.id ?? 'reference';
  const started = await startReference({ variant: fixture?.variant });
  try {
    const t0 = performance.now();
    const result = await runChecks({
      spec,
      target: started.target,
      checks: CHECKS,
      options: { timeoutMs: 10_000, concurrency: 8, jwtSecret: started.jwtSecret, kafkaBrokers: started.kafkaBrokers, eventDeadlineMs: 10_000 },
    });
    const seconds = (performance.now() - t0) / 1000;
    const targets = result.checks.reduce((n, c) => n + c.targets.length, 0);
    const failing = result.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    const tagged = CHECKS.filter((c) => fixture && defectsOf(c).includes(fixture.id)).map((c) => c.id);
    const caught = fixture ? (tagged.every((id) => failing.includes(id)) && failing.every((id) => tagged.includes(id)) ? 'yes (exactly its checks)' : tagged.some((id) => failing.includes(id)) ? 'yes (with others)' : 'NO') : failing.length ? 'FAILS' : 'passes';
    const row: Row = { target: name, seconds, targets, perSecond: targets / seconds, failing, caught };
    if (!skipSchemathesis) {
      row.st = await runSchemathesis(started.target.baseUrl!, started.jwtSecret);
      if (!fixture) referenceStOps = row.st.failingOps;
      else {
        const fresh = row.st.failingOps.filter((op) => !referenceStOps.includes(op));
        row.st.caught = fresh.some((op) => DEFECT_OPERATIONS[fixture.id]?.includes(op)) ? `yes (${fresh.join(', ')})` : fresh.length ? `no (new: ${fresh.join(', ')})` : 'no';
      }
    }
    rows.push(row);
    process.stderr.write(`${name}: conformance ${seconds.toFixed(1)} s${row.st ? `, schemathesis ${row.st.seconds.toFixed(1)} s` : ''}\n`);
  } finally {
    await started.close();
  }
}

async function runSchemathesis(baseUrl: string, jwtSecret: string): Promise<NonNullable<Row['st']>> {
  if (!existsSync(schemathesis)) throw new Error(`schemathesis not found at ${schemathesis}; run scripts/infra/install.sh`);
  const token = await registerToken(baseUrl);
  void jwtSecret;
  const dir = mkdtempSync(join(tmpdir(), 'st-'));
  const junit = join(dir, 'junit.xml');
  const t0 = performance.now();
  let exit = 0;
  try {
    await run(schemathesis, ['run', join(REPO_ROOT, 'specs/openapi/gateway.yaml'), '--url', baseUrl, '-H', `Authorization: Bearer ${token}`, '--max-examples', String(maxExamples), '--seed', '1', '--no-color', '--report', 'junit', '--report-junit-path', junit], { maxBuffer: 64 << 20 });
  } catch (error) {
    exit = (error as { code?: number }).code ?? 1;
  }
  const seconds = (performance.now() - t0) / 1000;
  const xml = existsSync(junit) ? readFileSync(junit, 'utf8') : '';
  const failingOps = [...xml.matchAll(/<testcase[^>]*name="([^"]+)"[^>]*>\s*<(failure|error)/g)].map((m) => operationIdOf(m[1]!)).filter(Boolean) as string[];
  return { seconds, failingOps: [...new Set(failingOps)].sort(), caught: '', exit };
}

/** Schemathesis names test cases "METHOD /path"; map them back to operation ids. */
function operationIdOf(name: string): string | undefined {
  const [method, path] = name.split(' ');
  return spec.operations.find((o) => o.method === method?.toLowerCase() && o.gatewayPath === path)?.operationId ?? name;
}

async function registerToken(baseUrl: string): Promise<string> {
  const unique = Math.random().toString(16).slice(2);
  const res = await fetch(`${baseUrl}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `st-${unique}@example.com`, password: `Schemathesis-${unique}`, name: 'schemathesis' }) });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`registering the Schemathesis user failed: ${res.status}`);
  return body.access_token;
}

const table = [
  ['target', 'conformance s', 'targets', 'targets/s', 'failing checks', 'defect caught', 'schemathesis s', 'schemathesis failing ops', 'schemathesis caught'],
  ...rows.map((r) => [r.target, r.seconds.toFixed(1), String(r.targets), r.perSecond.toFixed(1), r.failing.join(' ') || '-', r.caught, r.st ? r.st.seconds.toFixed(1) : '-', r.st ? String(r.st.failingOps.length) : '-', r.st ? (r.target === 'reference' ? '(baseline)' : r.st.caught) : '-']),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
console.log(table.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ')).join('\n'));
console.log(`\nSchemathesis ${skipSchemathesis ? 'skipped' : `with its default checks, --max-examples ${maxExamples}, one registered user's token`}; conformance with concurrency 8.`);
