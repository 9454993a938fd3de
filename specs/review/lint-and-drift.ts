// The two other parts of the PR report, reused from where they live: Spectral lint of the new specs
// (specs/lint, the same runner as `npm run lint:specs`) and generated-code drift (the gateway bundle's test and the
// generation drift check of scripts/generate).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from '@stoplight/types';
import { buildGateway } from '../bundle-gateway.ts';
import { lintFiles, specFiles } from '../lint/lint.ts';

export interface LintResult {
  errors: number;
  warnings: number;
  diagnostics: Array<{
    code: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    file: string;
    line: number;
  }>;
}

const SEVERITY = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
} as const;

export async function lintSpecs(root: string): Promise<LintResult> {
  const results = await lintFiles(specFiles(join(root, 'specs')));
  const diagnostics = results.map((d) => ({
    code: String(d.code),
    severity: SEVERITY[d.severity],
    message: d.message,
    file: relative(root, d.source ?? ''),
    line: d.range.start.line + 1,
  }));
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
  };
}

export type DriftMode = 'full' | 'bundle' | 'off';
export interface DriftResult {
  mode: DriftMode;
  /** `stale: specs/openapi/gateway.yaml`, `stale: generated/...`, `missing: ...`, `no longer generated: ...` */
  problems: string[];
  note?: string;
}

/** The checkout these generators belong to: full drift can only regenerate the specs of this very checkout. */
const OWN_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export async function checkDrift(root: string, mode: DriftMode): Promise<DriftResult> {
  if (mode === 'off') return { mode, problems: [], note: 'not checked (--drift off)' };
  const problems: string[] = [];
  const gateway = join(root, 'specs/openapi/gateway.yaml');
  if (existsSync(gateway) && readFileSync(gateway, 'utf8') !== buildGateway(join(root, 'specs/openapi'))) {
    problems.push('stale: specs/openapi/gateway.yaml (run `npm run bundle:specs`)');
  }
  if (mode === 'bundle') return { mode, problems, note: 'gateway bundle only (--drift bundle)' };
  if (resolve(root) !== OWN_ROOT || !existsSync(join(root, 'scripts/generate/drift.ts'))) {
    return {
      mode,
      problems,
      note: `generated/ not checked: the generators of ${OWN_ROOT} regenerate only their own checkout`,
    };
  }
  // Loaded only here: the generators pull in the Java and AsyncAPI toolchains.
  const driftModule = pathToFileURL(join(root, 'scripts/generate/drift.ts')).href;
  const { generatedDrift } = (await import(driftModule)) as { generatedDrift(): Promise<string[]> };
  problems.push(...(await generatedDrift()));
  return { mode, problems };
}
