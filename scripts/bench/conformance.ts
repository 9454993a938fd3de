/**
 * Benchmark of the conformance suite, with Schemathesis as the baseline, measured in the same run:
 * for the reference (behind its gateway, embedded defaults) and each defect fixture, the wall time and check
 * targets/s of `conformance run` (event and feed checks included, on the reference's embedded broker), whether it caught the defect (failing checks ⊇ the checks tagged for it), and what
 * Schemathesis in its strongest configuration reports on the same spec (specs/openapi/gateway.yaml) and base URL:
 * `--checks all --mode all`, phases examples, coverage, fuzzing and stateful, two registered users as peers for
 * `object_level_authorization` (a Web Fuzzing Commons auth file, `[auth.wfc] peers`), a seed of its own.
 * Then the same for a sample of the mutants of `conformance prove --mutants` (`--sample N` per family, default 1;
 * `--sample all` for every mutant; 0 for none): conformance through `prove --mutants`, Schemathesis against the
 * reference started with the mutant's variant.
 *
 *   npx tsx scripts/bench/conformance.ts [--max-examples N] [--sample N|all] [--fixtures D4,D5] [--skip-schemathesis] [--skip-fixtures]
 *
 * Schemathesis: $SCHEMATHESIS_BIN (eval "$(bash scripts/infra/env.sh)"), else .cache/venv/bin/schemathesis.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHECKS } from '../../conformance/src/checks/index.ts';
import { defectsOf } from '../../conformance/src/engine/check.ts';
import { runChecks } from '../../conformance/src/engine/runner.ts';
import { startReference } from '../../conformance/src/reference.ts';
import { loadSpec, REPO_ROOT } from '../../conformance/src/spec/load.ts';
import { DEFECTS } from '../../conformance/test/defects/index.ts';
import { FAMILIES, readGuarantees } from '../../conformance/src/mutants/guarantees.ts';
import { proveMutants } from '../../conformance/src/mutants/run.ts';
import { deriveMutants } from '../../conformance/test/mutants/index.ts';

const run = promisify(execFile);
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const maxExamples = Number(flag('--max-examples')) || 20;
const sample = flag('--sample') ?? '1';
const skipSchemathesis = args.includes('--skip-schemathesis');
const skipFixtures = args.includes('--skip-fixtures');
const onlyFixtures = flag('--fixtures')?.split(',');
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
for (const fixture of [
  undefined,
  ...(skipFixtures
    ? []
    : DEFECTS.filter((d) => d.id.startsWith('D') && (!onlyFixtures || onlyFixtures.includes(d.id)))),
]) {
  const name = fixture?.id ?? 'reference';
  const started = await startReference({ variant: fixture?.variant });
  try {
    const t0 = performance.now();
    const result = await runChecks({
      spec,
      target: started.target,
      checks: CHECKS,
      options: {
        timeoutMs: 10_000,
        concurrency: 8,
        jwtSecret: started.jwtSecret,
        kafkaBrokers: started.kafkaBrokers,
        eventDeadlineMs: 10_000,
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const targets = result.checks.reduce((n, c) => n + c.targets.length, 0);
    const failing = result.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    const tagged = CHECKS.filter((c) => fixture && defectsOf(c).includes(fixture.id)).map((c) => c.id);
    const caught = fixture
      ? tagged.every((id) => failing.includes(id)) && failing.every((id) => tagged.includes(id))
        ? 'yes (exactly its checks)'
        : tagged.some((id) => failing.includes(id))
          ? 'yes (with others)'
          : 'NO'
      : failing.length
        ? 'FAILS'
        : 'passes';
    const row: Row = { target: name, seconds, targets, perSecond: targets / seconds, failing, caught };
    if (!skipSchemathesis) {
      row.st = await runSchemathesis(started.target.baseUrl!, started.jwtSecret);
      if (!fixture) referenceStOps = row.st.failingOps;
      else {
        const fresh = row.st.failingOps.filter((op) => !referenceStOps.includes(op));
        row.st.caught = fresh.some((op) => DEFECT_OPERATIONS[fixture.id]?.includes(op))
          ? `yes (${fresh.join(', ')})`
          : fresh.length
            ? `no (new: ${fresh.join(', ')})`
            : 'no';
      }
    }
    rows.push(row);
    process.stderr.write(
      `${name}: conformance ${seconds.toFixed(1)} s, ${row.caught}${row.st ? `; schemathesis ${row.st.seconds.toFixed(1)} s, ${row.st.caught || 'baseline'}, failing ops: ${row.st.failingOps.join(' ')}` : ''}\n`,
    );
  } finally {
    await started.close();
  }
}

async function runSchemathesis(baseUrl: string, jwtSecret: string): Promise<NonNullable<Row['st']>> {
  if (!existsSync(schemathesis))
    throw new Error(`schemathesis not found at ${schemathesis}; run scripts/infra/install.sh`);
  void jwtSecret;
  const dir = mkdtempSync(join(tmpdir(), 'st-'));
  // two registered users, peers of each other: object_level_authorization reads one's objects as the other
  const users = [await registerToken(baseUrl), await registerToken(baseUrl)];
  const wfc = join(dir, 'auth.json');
  writeFileSync(
    wfc,
    JSON.stringify({
      auth: users.map((token, i) => ({
        name: `user${i + 1}`,
        fixedHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }],
      })),
    }),
  );
  const config = join(dir, 'schemathesis.toml');
  writeFileSync(config, `[auth.wfc]\npath = ${JSON.stringify(wfc)}\nuser = "user1"\npeers = ["user1", "user2"]\n`);
  const junit = join(dir, 'junit.xml');
  const t0 = performance.now();
  let exit = 0;
  try {
    await run(
      schemathesis,
      [
        '--config-file',
        config,
        'run',
        join(REPO_ROOT, 'specs/openapi/gateway.yaml'),
        '--url',
        baseUrl,
        '--checks',
        'all',
        '--mode',
        'all',
        '--phases',
        'examples,coverage,fuzzing,stateful',
        '--max-examples',
        String(maxExamples),
        '--no-color',
        '--report',
        'junit',
        '--report-junit-path',
        junit,
      ],
      { maxBuffer: 64 << 20 },
    );
  } catch (error) {
    exit = (error as { code?: number }).code ?? 1;
  }
  const seconds = (performance.now() - t0) / 1000;
  const xml = existsSync(junit) ? readFileSync(junit, 'utf8') : '';
  const failingOps = [...xml.matchAll(/<testcase[^>]*name="([^"]+)"[^>]*>\s*<(failure|error)/g)]
    .map((m) => operationIdOf(m[1]!))
    .filter(Boolean) as string[];
  return { seconds, failingOps: [...new Set(failingOps)].sort(), caught: '', exit };
}

/** Schemathesis names test cases "METHOD /path"; map them back to operation ids. */
function operationIdOf(name: string): string | undefined {
  const [method, path] = name.split(' ');
  return spec.operations.find((o) => o.method === method?.toLowerCase() && o.gatewayPath === path)?.operationId ?? name;
}

async function registerToken(baseUrl: string): Promise<string> {
  const unique = Math.random().toString(16).slice(2);
  const res = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `st-${unique}@example.com`,
      password: `Schemathesis-${unique}`,
      name: 'schemathesis',
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`registering the Schemathesis user failed: ${res.status}`);
  return body.access_token;
}

const table = [
  [
    'target',
    'conformance s',
    'targets',
    'targets/s',
    'failing checks',
    'defect caught',
    'schemathesis s',
    'schemathesis failing ops',
    'schemathesis caught',
  ],
  ...rows.map((r) => [
    r.target,
    r.seconds.toFixed(1),
    String(r.targets),
    r.perSecond.toFixed(1),
    r.failing.join(' ') || '-',
    r.caught,
    r.st ? r.st.seconds.toFixed(1) : '-',
    r.st ? String(r.st.failingOps.length) : '-',
    r.st ? (r.target === 'reference' ? '(baseline)' : r.st.caught) : '-',
  ]),
];
console.log(columns(table));
const stConfig = `Schemathesis ${skipSchemathesis ? 'skipped' : `4.32 --checks all --mode all, phases examples,coverage,fuzzing,stateful, --max-examples ${maxExamples}, two registered users as WFC peers, its own seed`}; conformance with concurrency 8.`;
console.log(`\n${stConfig}`);

if (sample !== '0') {
  const mutantRows = await benchMutants();
  console.log(`\nmutants (${sample === 'all' ? 'all' : `${sample} per family`}, the same for both tools):`);
  console.log(
    columns([
      [
        'mutant',
        'conformance',
        'conformance s',
        'killed by',
        'schemathesis',
        'schemathesis s',
        'schemathesis new failing ops',
      ],
      ...mutantRows.map((m) => [
        m.id,
        m.status,
        m.seconds.toFixed(1),
        m.killedBy || '-',
        m.st ? m.st.caught : '-',
        m.st ? m.st.seconds.toFixed(1) : '-',
        m.st ? m.st.fresh.join(' ') || '-' : '-',
      ]),
    ]),
  );
  const live = mutantRows.filter((m) => m.status !== 'equivalent');
  const killed = live.filter((m) => m.status === 'killed').length;
  const stKilled = live.filter((m) => m.st?.caught === 'killed').length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `\nkills on ${live.length} non-equivalent mutants: conformance ${killed}/${live.length} in ${sum(live.map((m) => m.seconds)).toFixed(0)} s of mutant runs` +
      (skipSchemathesis
        ? ''
        : `; Schemathesis ${stKilled}/${live.length} in ${sum(live.map((m) => m.st?.seconds ?? 0)).toFixed(0)} s`),
  );
}

interface MutantRow {
  id: string;
  status: string;
  seconds: number;
  killedBy: string;
  st?: { seconds: number; fresh: string[]; caught: 'killed' | 'survived' };
}

/** The sample of mutants, each run by both tools: conformance through prove --mutants, Schemathesis against the started mutant. */
async function benchMutants(): Promise<MutantRow[]> {
  const { guarantees } = await readGuarantees();
  const mutants = await deriveMutants(guarantees);
  const live = mutants.filter((m) => m.variant);
  const picked =
    sample === 'all'
      ? live
      : FAMILIES.flatMap((f) => live.filter((m) => m.guarantee.family === f && !m.equivalent).slice(0, Number(sample)));
  const report = await proveMutants({
    mutants: picked.map((m) => m.guarantee.id),
    parallel: 4,
    onMutant: (r, done, total) =>
      process.stderr.write(`[${done}/${total}] ${r.id}: ${r.status} (${r.seconds.toFixed(1)} s)\n`),
  });
  const out: MutantRow[] = [];
  for (const m of picked) {
    const r = report.results.find((x) => x.id === m.guarantee.id)!;
    const row: MutantRow = { id: r.id, status: r.status, seconds: r.seconds, killedBy: r.killedBy.join(' ') };
    if (!skipSchemathesis) {
      const started = await startReference({ variant: m.variant });
      try {
        const st = await runSchemathesis(started.target.baseUrl!, started.jwtSecret);
        const fresh = st.failingOps.filter((op) => !referenceStOps.includes(op));
        // killed: a failure, new against the reference, on the mutated operation
        row.st = {
          seconds: st.seconds,
          fresh,
          caught: fresh.includes(m.guarantee.operationId) ? 'killed' : 'survived',
        };
      } finally {
        await started.close();
      }
      process.stderr.write(`${m.guarantee.id}: schemathesis ${row.st.seconds.toFixed(1)} s, ${row.st.caught}\n`);
    }
    out.push(row);
  }
  return out;
}

function columns(table: string[][]): string {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return table.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ')).join('\n');
}
