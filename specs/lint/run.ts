// `npm run lint:specs`, or with options `npm run lint -w specs -- [--format stylish|junit|sarif|json] [--output FILE] [files...]`
// Lints every spec (or the files given) and exits 1 when any error-severity finding remains.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Ruleset } from '@stoplight/spectral-core';
import { json, junit, sarif, stylish, type Formatter } from '@stoplight/spectral-formatters';
import { DiagnosticSeverity } from '@stoplight/types';
import { SPECS_DIR } from './lib/paths.ts';
import { lintFiles, specFiles } from './lint.ts';
import { ruleset } from './ruleset.ts';

const spectralVersion = (createRequire(import.meta.url)('@stoplight/spectral-cli/package.json') as { version: string })
  .version;

/** The SARIF formatter lists every rule and refuses one without a description (a few upstream rules have none). */
function describedRuleset(): Ruleset {
  const all = Object.values(new Ruleset(ruleset).rules);
  const rules = Object.fromEntries(
    all.map((r) => [
      r.name,
      { name: r.name, description: r.description || r.name, documentationUrl: r.documentationUrl },
    ]),
  );
  return { rules } as unknown as Ruleset;
}

const FORMATTERS: Record<string, Formatter> = { stylish, junit, sarif, json };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string', short: 'f', default: 'stylish' }, output: { type: 'string', short: 'o' } },
});

const formatter = FORMATTERS[values.format ?? 'stylish'];
if (!formatter) {
  console.error(`unknown --format ${values.format}; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  process.exit(2);
}

const cwd = process.env.INIT_CWD ?? process.cwd(); // where the user typed the command (npm runs us in specs/)
const files = positionals.length > 0 ? positionals.map((f) => resolve(cwd, f)) : specFiles();
const missing = files.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(
    `no such spec file: ${missing.join(', ')} (options through npm: npm run lint -w specs -- --format junit ...)`,
  );
  process.exit(2);
}
const results = await lintFiles(files);
process.chdir(resolve(SPECS_DIR, '..')); // SARIF and JUnit name files relative to the working directory: the repository root
const output = formatter(
  results,
  { failSeverity: DiagnosticSeverity.Error },
  { ruleset: describedRuleset(), spectralVersion },
);

if (values.output) {
  const target = resolve(cwd, values.output);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, output);
} else if (output.trim() !== '') {
  console.log(output);
}
const errors = results.filter((r) => r.severity === DiagnosticSeverity.Error).length;
console.error(`lint:specs: ${files.length} documents, ${errors} errors, ${results.length - errors} other findings`);
process.exit(errors > 0 ? 1 : 0);
