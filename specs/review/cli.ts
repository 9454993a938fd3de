// `npm run spec:review -- --base <git-ref> [--out DIR] [--format markdown|json|none] [--drift full|bundle|off] [--no-lint]`
// Reviews the working tree's specs against <git-ref>, writes spec-review.{md,json,sarif,xml} into DIR (default
// reports/spec-review), prints the markdown (or JSON), and exits 1 on an unacknowledged security-weakening or
// breaking finding (2 on a usage or setup error). docs/spec-review.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repositoryRoot } from './git.ts';
import { toJUnit } from './report/junit.ts';
import { toMarkdown } from './report/markdown.ts';
import { toSarif } from './report/sarif.ts';
import { reviewSpecs } from './review.ts';
import type { DriftMode } from './lint-and-drift.ts';

class UsageError extends Error {}

const usage =
  'usage: npm run spec:review -- --base <git-ref> [--out DIR] [--format markdown|json|none] [--drift full|bundle|off] [--no-lint]';

try {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      out: { type: 'string', default: 'reports/spec-review' },
      format: { type: 'string', default: 'markdown' },
      drift: { type: 'string', default: 'full' },
      'no-lint': { type: 'boolean', default: false },
    },
  });
  if (!values.base) throw new UsageError('--base <git-ref> is required');
  if (!['markdown', 'json', 'none'].includes(values.format!)) throw new UsageError(`unknown --format ${values.format}`);
  if (!['full', 'bundle', 'off'].includes(values.drift!)) throw new UsageError(`unknown --drift ${values.drift}`);

  const cwd = process.env.INIT_CWD ?? process.cwd(); // npm runs workspace scripts in specs/
  const root = repositoryRoot(cwd);
  const report = await reviewSpecs({
    base: values.base,
    root,
    lint: !values['no-lint'],
    drift: values.drift as DriftMode,
  });

  const out = resolve(root, values.out!);
  mkdirSync(out, { recursive: true });
  const markdown = toMarkdown(report);
  const json = JSON.stringify(report, null, 2);
  writeFileSync(join(out, 'spec-review.md'), markdown);
  writeFileSync(join(out, 'spec-review.json'), json);
  writeFileSync(join(out, 'spec-review.sarif'), toSarif(report));
  writeFileSync(join(out, 'spec-review.xml'), toJUnit(report));
  if (values.format === 'markdown') process.stdout.write(markdown);
  if (values.format === 'json') process.stdout.write(json + '\n');
  const blocking = report.blocking.map((f) => `${f.class} ${f.id} ${f.subject}`).join('; ');
  console.error(
    `spec:review: ${report.verdict}; ${report.findings.length} finding(s), ${report.blocking.length} blocking${blocking ? ` (${blocking})` : ''}; reports in ${out}`,
  );
  process.exit(report.exitCode);
} catch (error) {
  console.error(`spec:review: ${(error as Error).message}`);
  if (error instanceof UsageError) console.error(usage);
  process.exit(2);
}
