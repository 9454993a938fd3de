import { describe, expect, it } from 'vitest';
import { buildMatrix, canIDeploy } from '../../src/pact/matrix.ts';
import type { VerificationReport } from '../../src/pact/results.ts';
import { mismatchesByInteraction } from '../../src/pact/verifier-output.ts';

const DESCRIPTIONS = ['an upload', 'a read'];

describe('reading the Pact verifier core’s JSON', () => {
  it('attributes mismatches to the interaction whose label ends with its description', () => {
    const output = JSON.stringify({
      result: false,
      interactionResults: [
        { description: 'an upload', result: 'Error' },
        { description: 'a read', result: 'OK' },
      ],
      errors: [
        {
          interaction: 'Verifying a pact between posts and media Given a signed-in user - an upload',
          mismatch: { mismatches: [{ type: 'StatusMismatch', mismatch: 'expected 201 but was 401' }] },
        },
      ],
    });
    expect([...mismatchesByInteraction(output, DESCRIPTIONS)]).toEqual([
      ['an upload', ['StatusMismatch: expected 201 but was 401']],
    ]);
  });

  it('never reads a failed or unreadable run as a pass', () => {
    expect(mismatchesByInteraction('verifier crashed', DESCRIPTIONS).get('*')?.[0]).toMatch(/did not finish/);
    const unattributed = JSON.stringify({
      result: false,
      interactionResults: DESCRIPTIONS.map((description) => ({ description, result: 'OK' })),
      errors: [],
    });
    expect(mismatchesByInteraction(unattributed, DESCRIPTIONS).get('*')).toEqual([
      'the verifier reported a failure it did not attribute to an interaction',
    ]);
    const skipped = JSON.stringify({ result: true, interactionResults: [{ description: 'an upload', result: 'OK' }] });
    expect(mismatchesByInteraction(skipped, DESCRIPTIONS).get('a read')).toEqual([
      'the verifier did not run this interaction',
    ]);
  });

  it('reads a clean run as no mismatches (no false positive)', () => {
    const ok = JSON.stringify({
      result: true,
      interactionResults: DESCRIPTIONS.map((description) => ({ description, result: 'OK' })),
      errors: [],
    });
    expect(mismatchesByInteraction(ok, DESCRIPTIONS).size).toBe(0);
  });
});

describe('the can-i-deploy matrix', () => {
  const report = (startedAt: string, providerVersion: string, status: 'pass' | 'fail'): VerificationReport => ({
    tool: { name: 't', version: '1' },
    provider: 'media',
    target: 'x',
    startedAt,
    durationMs: 1,
    pacts: [
      {
        file: 'pacts/posts-media.json',
        consumer: 'posts',
        provider: 'media',
        kind: 'http',
        consumerVersion: 'c1',
        providerVersion,
        status,
        interactions: [],
      },
    ],
  });

  it('answers per version: a failed provider version may not deploy, a verified one may, and so may the consumer', () => {
    const rows = buildMatrix([
      report('2026-12-07T07:00:00Z', 'p1', 'pass'),
      report('2026-12-07T07:01:00Z', 'p2', 'fail'),
    ]);
    expect(rows.map((r) => `${r.consumerVersion}×${r.providerVersion}:${r.verified}`)).toEqual([
      'c1×p1:true',
      'c1×p2:false',
    ]);
    expect(canIDeploy(rows, 'media', 'p1').ok).toBe(true);
    expect(canIDeploy(rows, 'media', 'p2')).toEqual({ ok: false, reasons: ['posts→media: not verified (c1 × p2)'] });
    expect(canIDeploy(rows, 'posts', 'c1').ok).toBe(true);
    expect(canIDeploy(rows, 'posts', 'c0')).toEqual({ ok: false, reasons: ['no verification results for posts c0'] });
  });

  it('keeps the latest result for the same versions (a re-run after a fix)', () => {
    const rows = buildMatrix([
      report('2026-12-07T07:05:00Z', 'p1', 'pass'),
      report('2026-12-07T07:00:00Z', 'p1', 'fail'),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.verified).toBe(true);
  });
});
