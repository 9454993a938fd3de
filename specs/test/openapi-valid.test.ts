import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { backendFor, docFile, rawDoc, REPO_DIR, SERVICES } from './helpers/openapi-docs.ts';

const DOCS = [...SERVICES, 'gateway'];

describe('specs > openapi > validity', () => {
  it.each(DOCS)('%s.yaml is OpenAPI 3.0.3 and initialises in openapi-backend with strict validation', async (name) => {
    expect(rawDoc(name).openapi).toBe('3.0.3');
    const api = await backendFor(name);
    expect(api.getOperations().length).toBeGreaterThan(0);
  });

  it('is really validated: a document with a response lacking its description fails to initialise', async () => {
    const broken = structuredClone(rawDoc('gateway'));
    delete broken.paths['/api/messages'].post.responses['201'].description;
    await expect(backendFor('gateway', broken)).rejects.toThrow();
  });

  it('passes `redocly lint` (recommended rules) with zero errors in every document', async () => {
    const bin = join(REPO_DIR, 'node_modules/.bin/redocly');
    const run = promisify(execFile);
    const { stdout } = await run(bin, ['lint', '--format=json', ...DOCS.map(docFile)], { maxBuffer: 64 << 20 }).catch((e) => e);
    // One JSON report per document, concatenated.
    const reports: { totals: { errors: number }; problems: { severity: string; ruleId: string; message: string }[] }[] =
      JSON.parse(`[${stdout.slice(stdout.indexOf('{')).replace(/}\s*{\s*"totals"/g, '},{"totals"')}]`);
    expect(reports).toHaveLength(DOCS.length);
    const errors = reports.flatMap((r) => r.problems.filter((p) => p.severity === 'error'));
    expect(errors.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(reports.every((r) => r.totals.errors === 0)).toBe(true);
  });
});
