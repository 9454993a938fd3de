import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMatrix, canIDeploy, matrixMarkdown } from '../../../conformance/src/pact/matrix.ts';
import { readPacts } from '../../../conformance/src/pact/pact-files.ts';
import type { VerificationReport } from '../../../conformance/src/pact/results.ts';
import { verifyPacts } from '../../../conformance/src/pact/verify.ts';
import { startSingleService, type ServiceName } from '@socialnet/reference';
import { freshDatabase } from '../../../scripts/testing/scratch-database.ts';
import { referenceProducers } from '../support/message-producers.ts';

const SECRET = 'pact-provider-secret-0123456789abcdef';
const RESULTS = path.resolve(import.meta.dirname, '../../../.cache/pact');
const reports: VerificationReport[] = [];

/** One reference service alone on its own port (as `main.ts --service` runs it), on real PostgreSQL when available. */
async function startAlone(service: ServiceName) {
  const scratch = process.env.TEST_DATABASE_URL
    ? await freshDatabase(process.env.TEST_DATABASE_URL, 'pact')
    : undefined;
  const running = await startSingleService({
    service,
    jwtSecret: SECRET,
    databaseUrl: scratch?.url,
    logLevel: 'silent',
    serviceUrls: {},
  });
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await scratch?.drop();
    },
  };
}

const failures = (r: VerificationReport) =>
  r.pacts.flatMap((p) => p.interactions.filter((i) => i.status === 'fail').map((i) => ({ pact: p.file, ...i })));

const httpProviders = [
  ...new Set(
    readPacts()
      .filter((p) => p.kind === 'http')
      .map((p) => p.provider),
  ),
].sort() as ServiceName[];
const messageProviders = [
  ...new Set(
    readPacts()
      .filter((p) => p.kind === 'message')
      .map((p) => p.provider),
  ),
].sort();

describe('provider verification of the committed pacts', () => {
  afterAll(() => {
    mkdirSync(RESULTS, { recursive: true });
    for (const r of reports)
      writeFileSync(path.join(RESULTS, `pact-verification-${r.provider}.json`), `${JSON.stringify(r, null, 2)}\n`);
    writeFileSync(path.join(RESULTS, 'pact-matrix.md'), matrixMarkdown(buildMatrix(reports)));
  });

  it('covers every HTTP provider and every message provider the pacts name', () => {
    expect(httpProviders).toEqual(['feedback', 'media', 'users']);
    expect(messageProviders).toEqual(['chats', 'posts']);
  });

  for (const provider of httpProviders) {
    it(
      `HTTP: the ${provider} service alone honours its consumers’ pacts, and the pacts its spec`,
      { timeout: 240_000 },
      async () => {
        const service = await startAlone(provider);
        try {
          const report = await verifyPacts({ provider, baseUrl: service.url, jwtSecret: SECRET, kind: 'http' });
          reports.push(report);
          expect(failures(report)).toEqual([]);
          expect(report.pacts.every((p) => p.interactions.length > 0)).toBe(true);
        } finally {
          await service.close();
        }
      },
    );
  }

  for (const provider of messageProviders) {
    it(`messages: the ${provider} producer code honours its consumers’ pacts, and the pacts the AsyncAPI document`, async () => {
      const report = await verifyPacts({ provider, producers: referenceProducers()[provider], kind: 'message' });
      reports.push(report);
      expect(failures(report)).toEqual([]);
    });
  }

  it('can-i-deploy: every consumer’s pact version is verified by the provider version under test', () => {
    const rows = buildMatrix(reports);
    expect(rows.length).toBe(readPacts().length);
    for (const row of rows)
      expect(canIDeploy(rows, row.consumer, row.consumerVersion)).toEqual({ ok: true, reasons: [] });
  });

  it(
    'no false pass: the media pacts fail when the provider refuses the tokens the states hand out',
    { timeout: 120_000 },
    async () => {
      const media = await startAlone('media');
      try {
        const report = await verifyPacts({
          provider: 'media',
          baseUrl: media.url,
          jwtSecret: 'another-secret-0123456789abcdef01234',
          kind: 'http',
          providerVersion: 'wrong-secret',
        });
        expect(report.pacts.map((p) => p.status)).toEqual(['fail', 'fail']);
        expect(failures(report)[0]!.mismatches).toContain('StatusMismatch: expected 201 but was 401');
        expect(canIDeploy(buildMatrix([report]), 'media', 'wrong-secret').ok).toBe(false);
      } finally {
        await media.close();
      }
    },
  );
});
