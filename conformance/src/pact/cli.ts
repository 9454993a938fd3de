import type { Command } from 'commander';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitCode } from '../engine/findings.ts';
import { consoleReport } from '../reporters/console.ts';
import { parseFormats, writeReports } from '../reporters/index.ts';
import { asRunResult } from './as-run-result.ts';
import { buildMatrix, canIDeploy, matrixMarkdown } from './matrix.ts';
import { DEFAULT_PACTS_DIR, readPacts } from './pact-files.ts';
import type { VerificationReport } from './results.ts';
import { verifyPacts } from './verify.ts';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--timeout must be a positive integer, got "${value}"`);
  return n;
};

/** `conformance pact-verify` and `conformance pact-matrix` (docs/pact.md). */
export function registerPactCommands(program: Command): void {
  program
    .command('pact-verify')
    .description(
      "verify the committed pacts of one provider against a running instance of it (each interaction also against the provider's spec)",
    )
    .requiredOption('--provider <name>', 'the provider service (media, users, feedback, ...)')
    .requiredOption('--base-url <url>', "the provider's own base URL (the paths of its spec, no gateway prefix)")
    .option(
      '--jwt-secret <secret>',
      'the platform HS256 secret, to mint the tokens provider states need',
      process.env.JWT_SECRET,
    )
    .option('--pacts <dir>', 'folder of pact files', DEFAULT_PACTS_DIR)
    .option(
      '--provider-version <version>',
      "the provider build's version for the can-i-deploy matrix (default: git HEAD)",
    )
    .option('--timeout <ms>', 'per-request timeout in ms (provider states included)', positive, 60_000)
    .option('--report <formats>', 'also write reports: junit,json,sarif,html')
    .option(
      '--out <dir>',
      'folder for reports and the verification result (pact-verification-<provider>.json)',
      'conformance-report',
    )
    .option('--verbose', 'print every finding, not one per group')
    .action(async (opts) => {
      const formats = parseFormats(opts.report);
      const pacts = readPacts(opts.pacts, opts.provider);
      const messagePacts = pacts.filter((p) => p.kind === 'message');
      if (pacts.length > 0 && pacts.length === messagePacts.length) {
        throw new Error(
          `${opts.provider} has only message pacts (${messagePacts.map((p) => p.consumer).join(', ')}): they are verified in the producer's build against its producer code, not over HTTP (docs/pact.md)`,
        );
      }
      const report = await verifyPacts({
        provider: opts.provider,
        baseUrl: opts.baseUrl,
        jwtSecret: opts.jwtSecret,
        pactsDir: opts.pacts,
        providerVersion: opts.providerVersion,
        timeoutMs: opts.timeout,
        kind: 'http',
      });
      const result = asRunResult(report);
      process.stdout.write(consoleReport(result, { verbose: opts.verbose }));
      for (const p of messagePacts)
        process.stdout.write(
          `– ${p.consumer} → ${p.provider} message pact ${p.path}: verified in the producer's build, not over HTTP (docs/pact.md)\n`,
        );
      mkdirSync(opts.out, { recursive: true });
      const saved = join(opts.out, `pact-verification-${opts.provider}.json`);
      writeFileSync(saved, `${JSON.stringify(report, null, 2)}\n`);
      for (const path of [saved, ...writeReports(result, formats, opts.out)]) process.stdout.write(`wrote ${path}\n`);
      process.exitCode = exitCode(result);
    });

  program
    .command('pact-matrix')
    .description('the can-i-deploy matrix (consumer version × provider version → verified?) from pact-verify results')
    .option(
      '--results <dir>',
      'folder(s) of pact-verification-*.json files (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
      [],
    )
    .option('--out <dir>', 'folder for pact-matrix.json and pact-matrix.md', 'conformance-report')
    .option(
      '--can-i-deploy <name@version>',
      'exit 1 unless this consumer or provider version is verified against all its counterparts',
    )
    .action((opts) => {
      const dirs: string[] = opts.results.length ? opts.results : ['conformance-report'];
      const reports = dirs.flatMap((dir) =>
        readdirSync(dir)
          .filter((f) => /^pact-verification-.*\.json$/.test(f))
          .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as VerificationReport),
      );
      const rows = buildMatrix(reports);
      mkdirSync(opts.out, { recursive: true });
      writeFileSync(join(opts.out, 'pact-matrix.json'), `${JSON.stringify(rows, null, 2)}\n`);
      writeFileSync(join(opts.out, 'pact-matrix.md'), matrixMarkdown(rows));
      process.stdout.write(matrixMarkdown(rows));
      if (opts.canIDeploy) {
        const at = String(opts.canIDeploy).lastIndexOf('@');
        if (at <= 0) throw new Error('--can-i-deploy takes name@version');
        const verdict = canIDeploy(rows, opts.canIDeploy.slice(0, at), opts.canIDeploy.slice(at + 1));
        process.stdout.write(
          verdict.ok
            ? `can-i-deploy ${opts.canIDeploy}: yes\n`
            : `can-i-deploy ${opts.canIDeploy}: no\n${verdict.reasons.map((r) => `  ${r}`).join('\n')}\n`,
        );
        process.exitCode = verdict.ok ? 0 : 1;
      }
    });
}
