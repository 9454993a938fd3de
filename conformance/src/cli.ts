import { Command, CommanderError, Option } from 'commander';
import { CHECKS } from './checks/index.ts';
import { adminOf, doublesOf, jwtSecretOf, loadConfig, type ConfigFile } from './config.ts';
import { doubleDefinition, DOUBLES } from './doubles/index.ts';
import { startDouble } from './doubles/server.ts';
import { exitVerdict, type RunResult } from './engine/findings.ts';
import { loadSpec } from './spec/load.ts';
import { parseServiceOption } from './engine/target.ts';
import { parseClaims } from './engine/tokens.ts';
import { UsageError } from './engine/usage.ts';
import { VERSION } from './version.ts';
import { registerPactCommands } from './pact/cli.ts';
import { proveMatrix, proveText } from './prove.ts';
import { mutantsJson, mutantsText } from './mutants/report.ts';
import { proveMutants } from './mutants/run.ts';
import { consoleReport, progressPrinter } from './reporters/console.ts';
import { parseFormats, writeReports } from './reporters/index.ts';
import { runConformance } from './run.ts';

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];
const repeat = (value: string, previous: string[] = []) => [...previous, value];
const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
};

const program = new Command('conformance')
  .description(
    'Checks that an implementation of the socialnet platform keeps its contracts (specs/openapi, specs/asyncapi).\nExit codes: 0 every selected check passed; 1 a check failed or an operation is not implemented; 2 usage error, or nothing decisive (errors, blocked or rate-limited targets only, or no check target executed).',
  )
  .version(VERSION, '-V, --version')
  .showHelpAfterError()
  .exitOverride();

program
  .command('run', { isDefault: true })
  .description('run the checks; with no --base-url or --service, start the reference on embedded defaults and test it')
  .option(
    '--config <file>',
    'conformance.yaml: base URL or per-service URLs, token claims, admin header, rate-limit budget, path prefix, only/skip (conformance.schema.json); options given here win',
  )
  .option('--base-url <url>', 'the gateway (operations under their x-gateway-prefix, e.g. /api)')
  .option(
    '--service <name=url>',
    'a service on its own URL (repeatable); wins over --base-url for that service',
    repeat,
    [],
  )
  .option(
    '--path-prefix <prefix>',
    "replaces the first segment of the spec's gateway prefix under --base-url (/api → /v2)",
  )
  .option(
    '--spec <path>',
    'a folder of service documents or one bundled document (default: the specs shipped with this package)',
  )
  .option(
    '--jwt-secret <secret>',
    'the platform HS256 secret, to mint test tokens (needed for most bad-token variants and admin)',
    process.env.JWT_SECRET,
  )
  .option(
    '--token-claim <name=value>',
    'a claim every minted token carries (repeatable), e.g. --token-claim sh=0',
    repeat,
    [],
  )
  .option(
    '--admin-header <name=value>',
    "the target's admin credential: a header sent with admin requests, e.g. X-Admin-Token=...",
  )
  .option('--kafka-brokers <list>', 'comma-separated brokers; enables the event checks', list)
  .option('--only <ids>', 'run only these check ids, families or tags (comma-separated)', list, [])
  .option('--skip <ids>', 'skip these check ids, families or tags (comma-separated)', list, [])
  .option('--timeout <ms>', 'per-request timeout in ms (default 10000)', positive('--timeout'))
  .option(
    '--setup-timeout <ms>',
    'timeout of set-up steps such as registering a test user, in ms (default: the larger of 60000 and --timeout)',
    positive('--setup-timeout'),
  )
  .option('--concurrency <n>', 'check targets run at once (default 8)', positive('--concurrency'))
  .option(
    '--identities <n>',
    'test identities per user label to spread work over when the target limits per user (429 with a long Retry-After); 1 turns spreading off (default 5; rateLimit.identities in the config)',
    positive('--identities'),
  )
  .option(
    '--double <name[=url]>',
    `a recording double of a downstream dependency (${Object.keys(DOUBLES).join(', ')}): started here, or =URL of one started with \`conformance double\`; the target must call it (repeatable)`,
    repeat,
    [],
  )
  .option('--report <formats>', 'also write reports: junit,json,sarif,html')
  .option('--out <dir>', 'folder for --report files', 'conformance-report')
  .addOption(
    new Option('--split', 'with no target: start the reference split into services (tested through --service URLs)'),
  )
  .option('--verbose', 'print every finding, not one per group')
  .action(async (opts) => {
    const formats = parseFormats(opts.report);
    const config: ConfigFile = opts.config ? loadConfig(opts.config) : {};
    const services = { ...config.services, ...parseServiceOption(opts.service) };
    const admin = opts.adminHeader ? parseAdminHeader(opts.adminHeader) : adminOf(config);
    const tokenClaims = { ...config.tokenClaims, ...parseClaims(opts.tokenClaim) };
    const only = opts.only.length ? opts.only : (config.only ?? []);
    const skip = opts.skip.length ? opts.skip : (config.skip ?? []);
    let result: RunResult;
    try {
      result = await runConformance({
        baseUrl: opts.baseUrl ?? config.baseUrl,
        services,
        pathPrefix: opts.pathPrefix ?? config.pathPrefix,
        spec: opts.spec,
        jwtSecret: opts.jwtSecret ?? jwtSecretOf(config),
        tokenClaims,
        admin,
        rateLimit: { ...config.rateLimit, ...(opts.identities ? { identities: opts.identities } : {}) },
        kafkaBrokers: opts.kafkaBrokers ?? config.kafkaBrokers,
        only,
        skip,
        timeoutMs: opts.timeout ?? config.timeout,
        setupTimeoutMs: opts.setupTimeout,
        concurrency: opts.concurrency ?? config.concurrency,
        doubles: opts.double.length ? opts.double : doublesOf(config),
        split: opts.split,
        onProgress: progressPrinter(),
        onStarted: (t) => process.stderr.write(`testing ${t.baseUrl ?? Object.values(t.services).join(', ')}\n`),
      });
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // The run itself could not happen (the reference did not start, the spec cannot be read...): still a report.
      result = failedRun(error as Error, opts.baseUrl ?? config.baseUrl, services);
    }
    process.stdout.write(consoleReport(result, { verbose: opts.verbose }));
    for (const path of writeReports(result, formats, opts.out)) process.stdout.write(`wrote ${path}\n`);
    process.exitCode = exitVerdict(result).code;
  });

/** A run that could not start, as a result every reporter can write: one errored target with its cause. */
function failedRun(error: Error, baseUrl: string | undefined, services: Record<string, string>): RunResult {
  return {
    tool: { name: 'socialnet-conformance', version: VERSION },
    startedAt: new Date().toISOString(),
    durationMs: 0,
    target: { baseUrl, services, startedReference: false },
    checks: [
      {
        id: 'conformance.run',
        title: 'The run could start',
        tags: ['conformance'],
        clause: '-',
        status: 'error',
        reason: error.message,
        targets: [{ label: 'start', status: 'error', reason: error.message, findings: [], durationMs: 0 }],
      },
    ],
    observations: [],
    specFiles: [],
  };
}

function parseAdminHeader(value: string) {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new UsageError(`--admin-header expects name=value, got "${value}"`);
  return { header: value.slice(0, eq), value: value.slice(eq + 1) };
}

program
  .command('prove')
  .description(
    'run the check × defect-fixture matrix (the reference must pass, each fixture must fail exactly its tagged checks), then the foreign-style fixtures (every target must get the verdict stated for it)',
  )
  .option('--only <ids>', 'only these check ids or tags', list, [])
  .option('--skip <ids>', 'skip these check ids or tags', list, [])
  .option('--split', 'start the fixtures split into services')
  .option('--concurrency <n>', 'check targets run at once', positive('--concurrency'), 8)
  .option(
    '--mutants [ids]',
    'mutation analysis: one mutant of the reference per guarantee of the specs (optionally only these mutant ids or families)',
    list,
  )
  .option(
    '--parallel <n>',
    'with --mutants: mutants run at once, each on its own started reference',
    positive('--parallel'),
    2,
  )
  .option('--report <format>', 'with --mutants: text (default) or json')
  .action(async (opts) => {
    if (opts.mutants) {
      const report = await proveMutants({
        only: opts.only,
        skip: opts.skip,
        mutants: Array.isArray(opts.mutants) ? opts.mutants : [],
        parallel: opts.parallel,
        concurrency: opts.concurrency,
        onMutant: (r, done, total) =>
          process.stderr.write(
            `[${done}/${total}] ${r.id}: ${r.status}${r.killedBy.length ? ` by ${r.killedBy.join(', ')}` : ''} (${r.seconds.toFixed(1)} s)\n`,
          ),
      });
      process.stdout.write(opts.report === 'json' ? mutantsJson(report) : mutantsText(report));
      process.exitCode = report.problems.length || report.survived || report.errors ? 1 : 0;
      return;
    }
    const result = await proveMatrix({
      split: opts.split,
      only: opts.only,
      skip: opts.skip,
      concurrency: opts.concurrency,
      onRun: (column, run) => process.stderr.write(`${column}: ${(run.durationMs / 1000).toFixed(1)} s\n`),
    });
    process.stdout.write(proveText(result));
    process.exitCode = result.problems.length ? 1 : 0;
  });

program
  .command('double <name>')
  .description(
    `serve a recording double of a downstream dependency (${Object.keys(DOUBLES).join(', ')}) until interrupted; point the services under test at it, then run with --double <name>=URL`,
  )
  .option('--port <n>', 'port to listen on (0: any free port)', (v) => Number(v), 0)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--spec <path>', 'a folder of service documents or one bundled document (default: specs/openapi)')
  .option(
    '--jwt-secret <secret>',
    'verify bearers with this HS256 secret (without it a bearer needs only sub and an unexpired exp)',
    process.env.JWT_SECRET,
  )
  .action(async (name: string, opts) => {
    const spec = await loadSpec(opts.spec);
    const double = await startDouble(spec, doubleDefinition(name), {
      port: opts.port,
      host: opts.host,
      jwtSecret: opts.jwtSecret,
    });
    process.stdout.write(
      `${JSON.stringify({ double: double.name, url: double.url, recordings: `${double.url}/__conformance/requests` })}\n`,
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void double.close().then(() => process.exit(0)));
  });

program
  .command('list')
  .description('list the checks with their tags and clauses')
  .action(() => {
    for (const c of CHECKS) process.stdout.write(`${c.id.padEnd(36)} ${c.clause.padEnd(30)} ${c.tags.join(' ')}\n`);
  });

registerPactCommands(program);

// A reader that stops early (`conformance list | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// A rejection nobody handled is a defect of a check, not a reason to end the run before its report is written.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `conformance: internal error (reported, run continues): ${(reason as Error)?.stack ?? reason}\n`,
  );
});

program.parseAsync(process.argv).catch((error: Error) => {
  if (error instanceof CommanderError) {
    // --help and --version end here with 0; unknown options and bad values with 2 (commander printed them).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  process.stderr.write(`conformance: ${error.message}\n`);
  process.exitCode = 2;
});
