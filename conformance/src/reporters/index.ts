import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../engine/findings.ts';
import { htmlReport } from './html.ts';
import { jsonReport } from './json.ts';
import { junitReport } from './junit.ts';
import { sarifReport } from './sarif.ts';

export const REPORTERS = {
  junit: { file: 'conformance.junit.xml', render: junitReport },
  json: { file: 'conformance.json', render: jsonReport },
  sarif: { file: 'conformance.sarif', render: sarifReport },
  html: { file: 'conformance.html', render: htmlReport },
} as const;

export type ReportFormat = keyof typeof REPORTERS;

export function parseFormats(value: string | undefined): ReportFormat[] {
  if (!value) return [];
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of formats)
    if (!(f in REPORTERS))
      throw new Error(`--report: unknown format "${f}" (use ${Object.keys(REPORTERS).join(', ')})`);
  return formats as ReportFormat[];
}

/** Writes each requested report into `dir`; returns the paths written. */
export function writeReports(result: RunResult, formats: ReportFormat[], dir: string): string[] {
  if (formats.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  return formats.map((f) => {
    const path = join(dir, REPORTERS[f].file);
    writeFileSync(path, REPORTERS[f].render(result));
    return path;
  });
}
