import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, promises as fsPromises, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { backendFor, buildBackend, docFile, OPENAPI_DIR, rawDoc, REPO_DIR, SERVICES } from './helpers/openapi-docs.ts';

const DOCS = [...SERVICES, 'gateway'];

type RedoclyReport = { totals: { errors: number }; problems: { severity: string; ruleId: string; message: string }[] };

/** `redocly lint --format=json` over files; redocly prints one JSON report per document, concatenated. */
async function redoclyLint(files: string[]): Promise<RedoclyReport[]> {
  const bin = join(REPO_DIR, 'node_modules/.bin/redocly');
  const { stdout } = await promisify(execFile)(bin, ['lint', '--format=json', ...files], { maxBuffer: 64 << 20 }).catch(
    (e) => e,
  );
  return JSON.parse(`[${stdout.slice(stdout.indexOf('{')).replace(/}\s*{\s*"totals"/g, '},{"totals"')}]`);
}

describe('specs > openapi > validity', () => {
  it.each(DOCS)('%s.yaml is OpenAPI 3.0.3 and initialises in openapi-backend with strict validation', async (name) => {
    expect(rawDoc(name).openapi).toBe('3.0.3');
    const api = await backendFor(name, { strict: true });
    expect(api.getOperations().length).toBeGreaterThan(0);
  });

  it('validates the parsed document even when its first read (the one quick init does not await) is slow', async () => {
    // CI once saw `instancePath "" must be object` here: validateDefinition() ran before quick init's background
    // parse had set api.document. Holding that first read back makes the race go the bad way every time.
    const readFile = fsPromises.readFile;
    let held = false;
    const spy = vi.spyOn(fsPromises, 'readFile').mockImplementation(async (...args: Parameters<typeof readFile>) => {
      if (!held && String(args[0]).endsWith('gateway.yaml')) {
        held = true;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      return readFile(...args);
    });
    try {
      const api = await buildBackend(docFile('gateway'), true);
      expect(held).toBe(true);
      expect(api.document?.openapi).toBe('3.0.3');
    } finally {
      spy.mockRestore();
    }
  });

  it('is really validated: a document with a response lacking its description fails to initialise', async () => {
    const broken = structuredClone(rawDoc('gateway'));
    delete broken.paths['/api/messages'].post.responses['201'].description;
    await expect(backendFor('gateway', { definition: broken, strict: true })).rejects.toThrow();
  });

  it('passes `redocly lint` (recommended rules) with zero errors in every document', async () => {
    const reports = await redoclyLint(DOCS.map(docFile));
    expect(reports).toHaveLength(DOCS.length);
    const errors = reports.flatMap((r) => r.problems.filter((p) => p.severity === 'error'));
    expect(errors.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(reports.every((r) => r.totals.errors === 0)).toBe(true);
  });

  it('is really linted: redocly reports an error for a nullable property without a type', async () => {
    const broken = structuredClone(rawDoc('notifications'));
    broken.components.schemas.Notification.properties.read = { nullable: true };
    const dir = mkdtempSync(join(tmpdir(), 'sn-redocly-'));
    cpSync(join(OPENAPI_DIR, 'components'), join(dir, 'components'), { recursive: true });
    writeFileSync(join(dir, 'notifications.yaml'), stringify(broken));
    const [report] = await redoclyLint([join(dir, 'notifications.yaml')]);
    expect(report!.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toContain(
      'nullable-type-sibling',
    );
  });
});
