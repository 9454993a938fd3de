// Lints spec files with the socialnet ruleset and returns Spectral's diagnostics (the CLI formats them).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { parse } from 'yaml';
import { SPECS_DIR } from './lib/paths.ts';
import { ruleset as fullRuleset } from './ruleset.ts';

/** The documents `npm run lint:specs` lints: every OpenAPI or AsyncAPI document directly under specs/openapi and specs/asyncapi. */
export function specFiles(root = SPECS_DIR): string[] {
  return ['openapi', 'asyncapi']
    .flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => join(root, dir, f)),
    )
    .filter((file) => {
      const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
      return data !== null && typeof data === 'object' && ('openapi' in data || 'asyncapi' in data);
    });
}

export function createSpectral(ruleset: RulesetDefinition = fullRuleset): Spectral {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  return spectral;
}

export async function lintSource(spectral: Spectral, source: string, file: string): Promise<ISpectralDiagnostic[]> {
  return spectral.run(new Document(source, Parsers.Yaml, file));
}

export async function lintFiles(files: string[], spectral = createSpectral()): Promise<ISpectralDiagnostic[]> {
  // A shared component (specs/*/components/*.yaml) is linted once per document that references it: report it once.
  const seen = new Set<string>();
  const results: ISpectralDiagnostic[] = [];
  for (const file of files) {
    for (const d of await lintSource(spectral, readFileSync(file, 'utf8'), file)) {
      const key = JSON.stringify([d.code, d.source, d.path, d.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      results.push(d);
    }
  }
  return results;
}
