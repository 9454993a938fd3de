import { Command, Option } from 'commander';
import { CHECKS } from './checks/index.ts';
import { exitCode } from './engine/findings.ts';
import { parseServiceOption } from './engine/target.ts';
import { registerPactCommands } from './pact/cli.ts';
import { proveMatrix, proveText } from './prove.ts';
import { consoleReport, progressPrinter } from './reporters/console.ts';
import { parseFormats, writeReports } from './reporters/index.ts';
import { runConformance } from './run.ts';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
const repeat = (value: string, previous: string[] = []) => [...previous, value];
const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
};

const program = new Command('conformance')
  .description('Checks that an implementation of the socialnet platform keeps its contracts (specs/openapi, specs/asyncapi).')
  .showHelpAfterError();

program
  .command('run', { isDefault: true })
  .description('run the checks; with no --base-url or --service, start the reference on embedded defaults and test it')
  .option('--base-url <url>', 'the gateway (operations under their x-gateway-prefix, e.g. /api)')
  .option('--service <name=url>', 'a service on its own URL (repeatable); wins over --base-url for that service', repeat, [])
  .option('--spec <path>', 'a folder of service documents or one bundled document (default: specs/openapi)')
  .option('--jwt-secret <secret>', 'the platform HS256 secret, to mint test tokens (needed for most bad-token variants and admin)', process.env.JWT_SECRET)
  .option('--kafka-brokers <list>', 'comma-separated brokers; enables the event checks', list)
  .option('--only <ids>', 'run only these check ids, families or tags (comma-separated)', list, [])
  .option('--skip <ids>', 'skip these check ids, families or tags (comma-separated)', list, [])
  .option('--timeout <ms>', 'per-request timeout in ms', positive('--timeout'), 10_000)
  .option('--concurrency <n>', 'check targets run at once', positive('--concurrency'), 8)
  .option('--report <formats>', 'also write reports: junit,json,sarif,html')
  .option('--out <dir>', 'folder for --report files', 'conformance-report')
  .addOption(new Option('--split', 'with no target: start the reference split into services (tested through --service URLs)'))
  .option('--verbose', 'print every finding, not one per group')
  .action(async (opts) => {
    const formats = parseFormats(opts.report);
    const result = await runConformance({
      baseUrl: opts.baseUrl,
      services: parseServiceOption(opts.service),
      spec: opts.spec,
      jwtSecret: opts.jwtSecret,
      kafkaBrokers: opts.kafkaBrokers,
      only: opts.only,
      skip: opts.skip,
      timeoutMs: opts.timeout,
      concurrency: opts.concurrency,
      split: opts.split,
      onProgress: progressPrinter(),
      onStarted: (t) => process.stderr.write(`testing ${t.baseUrl ?? Object.values(t.services).join(', ')}\n`),
    });
    process.stdout.write(consoleReport(result, { verbose: opts.verbose }));
    for (const path of writeReports(result, formats, opts.out)) process.stdout.write(`wrote ${path}\n`);
    process.exitCode = exitCode(result);
  });

program
  .command('prove')
  .description('run the check × defect-fixture matrix: the reference must pass, each fixture must fail exactly its tagged checks')
  .option('--only <ids>', 'only these check ids or tags', list, [])
  .option('--skip <ids>', 'skip these check ids or tags', list, [])
  .option('--split', 'start the fixtures split into services')
  .option('--concurrency <n>', 'check targets run at once', positive('--concurrency'), 8)
  .action(async (opts) => {
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
  .command('list')
  .description('list the checks with their tags and clauses')
  .action(() => {
    for (const c of CHECKS) process.stdout.write(`${c.id.padEnd(36)} ${c.clause.padEnd(30)} ${c.tags.join(' ')}\n`);
  });

registerPactCommands(program);

program.parseAsync(process.argv).catch((error: Error) => {
  process.stderr.write(`conformance: ${error.message}\n`);
  process.exitCode = 64;
});
