import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../src/index.ts';
import { loadSpec, SPECS_DIR } from '../src/shared/spec/load-spec.ts';
import { acceptedCauses, causeOf, findingsOf } from './support/schemathesis-findings.ts';
import { startTestPlatform } from './support/targets.ts';
import { registerUser } from './support/users.ts';

// Schemathesis (PyPI), an independent fuzzer, against the running reference with its default checks, all phases.
// A finding passes only when docs/schemathesis.md lists its (operation, cause); see support/schemathesis-findings.ts.
// scripts/infra/install.sh installs it into .cache/venv; SCHEMATHESIS_BIN overrides the path.
const bin = process.env.SCHEMATHESIS_BIN ?? path.resolve(SPECS_DIR, '../../.cache/venv/bin/schemathesis');

let platform: Platform;
let token: string;
beforeAll(async () => {
  platform = await startTestPlatform('pglite');
  token = (await registerUser(platform.baseUrl, 'schemathesis')).token;
});
afterAll(() => platform?.close());

describe('Schemathesis against the running reference', () => {
  it('reads the accepted causes from docs/schemathesis.md, and a finding of another cause is not accepted', async () => {
    const accepted = acceptedCauses();
    expect(accepted.map((a) => a.cause)).toEqual(
      expect.arrayContaining(['foreign-cursor', 'idempotency-key-reused', 'integer-beyond-2^53']),
    );
    const gateway = await loadSpec('gateway.yaml');
    const cursor = {
      check: 'ST202',
      operation: 'GET /api/feed',
      phase: 'examples',
      status: 400,
      response: JSON.stringify({
        type: 'https://socialnet.dev/problems/validation-failed',
        errors: [{ pointer: '/query/cursor' }],
      }),
    };
    expect(causeOf(cursor, accepted, gateway)?.cause).toBe('foreign-cursor');
    expect(causeOf({ ...cursor, operation: 'GET /api/chats' }, accepted, gateway)).toBeUndefined();
    expect(
      causeOf(
        {
          ...cursor,
          response: JSON.stringify({
            type: 'https://socialnet.dev/problems/validation-failed',
            errors: [{ pointer: '/query/limit' }],
          }),
        },
        accepted,
        gateway,
      ),
    ).toBeUndefined();
    const upload = {
      check: 'ST201',
      operation: 'POST /api/messages/upload',
      phase: 'stateful',
      status: 201,
      response: '{}',
      mediaType: 'multipart/form-data',
    };
    expect(causeOf({ ...upload, body: { file: '', chat_id: 4, text: 'hi' } }, accepted, gateway)?.cause).toBe(
      'multipart-mutation-lost',
    );
    expect(causeOf({ ...upload, body: { file: '', text: 'hi' } }, accepted, gateway)).toBeUndefined();
  });

  it('finds no server error and nothing beyond the documented findings, stateful phase included', async () => {
    expect(existsSync(bin), `Schemathesis not found at ${bin}: run scripts/infra/install.sh`).toBe(true);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schemathesis-'));
    const [report, events] = [path.join(dir, 'report.json'), path.join(dir, 'events.ndjson')];
    const args = [
      'run',
      path.join(SPECS_DIR, 'gateway.yaml'),
      '--url',
      platform.baseUrl,
      '-H',
      `Authorization: Bearer ${token}`,
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '--max-examples',
      '3',
      '--workers',
      '2',
      '--seed',
      '20261125',
      '--suppress-health-check',
      'filter_too_much',
      '--report',
      'json,ndjson',
      '--report-json-path',
      report,
      '--report-ndjson-path',
      events,
      '--no-color',
    ];
    const { stdout } = await promisify(execFile)(bin, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).catch(
      (e: { stdout: string }) => e,
    );
    const result = JSON.parse(await readFile(report, 'utf8')) as {
      operations: { tested: number };
      phases: Record<string, { status: string }>;
    };
    expect(result.operations.tested).toBeGreaterThan(50);
    expect(result.phases.stateful?.status, 'the stateful phase ran').toMatch(/^(success|failure|error)$/);
    const [accepted, gateway] = [acceptedCauses(), await loadSpec('gateway.yaml')];
    const findings = findingsOf(await readFile(events, 'utf8'));
    const unexpected = findings
      .filter((f) => !causeOf(f, accepted, gateway))
      .map(
        (f) =>
          `${f.check} ${f.operation} (${f.phase}): ${f.status} ${f.response.slice(0, 300)} request body ${JSON.stringify(f.body)?.slice(0, 300)}`,
      );
    expect(unexpected, `not in docs/schemathesis.md:\n${stdout.slice(-3000)}`).toEqual([]);
  }, 600_000);
});
