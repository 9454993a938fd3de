import { describe, expect, it } from 'vitest';
import { startDouble, remoteDouble } from '../../src/doubles/server.ts';
import { doubleDefinition } from '../../src/doubles/index.ts';
import type { RunResult } from '../../src/engine/findings.ts';
import { mintToken } from '../../src/engine/tokens.ts';
import { runConformance } from '../../src/run.ts';
import { loadSpec } from '../../src/spec/load.ts';
import D4 from '../defects/D4-upload-without-bearer.ts';
import { explain } from '../harness/expect-run.ts';
import { mediaWithoutOwnerCheck } from './media-without-owner-check.ts';

const CHECK = 'propagation.caller-bearer';
const status = (r: RunResult, id = CHECK) => r.checks.find((c) => c.id === id)?.status;
const findings = (r: RunResult) => r.checks.find((c) => c.id === CHECK)!.targets.flatMap((t) => t.findings);
const evidence = (r: RunResult) => r.observations.filter((o) => o.kind === 'propagation').map((o) => o.data.evidence);

describe('propagation.caller-bearer observes the downstream call with a double, and infers nothing it cannot see without one', () => {
  it('reference with the media double: pass, the calls observed', { timeout: 240_000 }, async () => {
    const r = await runConformance({ only: [CHECK], doubles: ['media'] });
    expect(status(r), explain(r)).toBe('pass');
    // Calls to media are observed; the feed rebuild's call to users has no double, so it is judged from outside.
    const byOperation = Object.fromEntries(
      r.observations.filter((o) => o.kind === 'propagation').map((o) => [o.data.operationId, o.data.evidence]),
    );
    expect(byOperation).toEqual({
      uploadPost: 'observed by the recording double',
      sendMessageWithUpload: 'observed by the recording double',
      rebuildHomeFeed:
        'caller-visible evidence only, the downstream call was not observed (run with --double to observe it)',
    });
  });

  it(
    'D4 (post upload without the bearer) without a double: fail, on caller-visible evidence',
    { timeout: 240_000 },
    async () => {
      const r = await runConformance({ only: [CHECK], variant: D4.variant });
      expect(status(r), explain(r)).toBe('fail');
      expect(
        findings(r).some((f) => f.operationId === 'uploadPost' && /caller-visible evidence only/.test(f.received)),
      ).toBe(true);
    },
  );

  it(
    'D4 with the media double: fail, the call seen without an Authorization header',
    { timeout: 240_000 },
    async () => {
      const r = await runConformance({ only: [CHECK], variant: D4.variant, doubles: ['media'] });
      expect(status(r), explain(r)).toBe('fail');
      const upload = findings(r).filter((f) => f.operationId === 'uploadPost');
      expect(upload.map((f) => f.received).join('\n')).toMatch(
        /observed by the media double: POST \/media\/upload carried no Authorization header \(the double answered 401\)/,
      );
      expect(upload.every((f) => f.severity === 'deviation')).toBe(true);
      // The message upload forwards the bearer in D4: only the post upload is blamed.
      expect(findings(r).filter((f) => f.operationId !== 'uploadPost')).toEqual([]);
    },
  );

  it(
    'media without an owner check, posts forwarding the bearer: propagation PASSES without and with the double; the hole is authz.owner’s',
    { timeout: 400_000 },
    async () => {
      const without = await runConformance({ only: [CHECK, 'authz.owner'], variant: mediaWithoutOwnerCheck });
      expect(status(without), explain(without)).toBe('pass');
      expect(new Set(evidence(without))).toEqual(
        new Set([
          'caller-visible evidence only, the downstream call was not observed (run with --double to observe it)',
        ]),
      );
      const owner = without.checks.find((c) => c.id === 'authz.owner')!;
      expect(owner.status, explain(without)).toBe('fail');
      expect(owner.targets.filter((t) => t.status === 'fail').map((t) => t.operationId)).toEqual(['deleteMedia']);
      const withDouble = await runConformance({ only: [CHECK], variant: mediaWithoutOwnerCheck, doubles: ['media'] });
      expect(status(withDouble), explain(withDouble)).toBe('pass');
    },
  );
});

describe('the media double', () => {
  it('enforces the spec security of media operations and records every Authorization, in process and over HTTP', async () => {
    const spec = await loadSpec();
    const double = await startDouble(spec, doubleDefinition('media'), { jwtSecret: 'double-secret' });
    try {
      const form = () => {
        const f = new FormData();
        f.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
        return f;
      };
      const anonymous = await fetch(`${double.url}/media/upload`, { method: 'POST', body: form() });
      expect(anonymous.status).toBe(401);
      const forged = await fetch(`${double.url}/media/upload`, {
        method: 'POST',
        body: form(),
        headers: { authorization: `Bearer ${await mintToken('another-secret', 'u1')}` },
      });
      expect(forged.status).toBe(401);
      const token = await mintToken('double-secret', 'u1');
      const ok = await fetch(`${double.url}/media/upload`, {
        method: 'POST',
        body: form(),
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(201);
      const { key, url } = (await ok.json()) as { key: string; url: string };
      expect(key).toMatch(/^u1_/);
      expect(url).toBe(`${double.url}/media/${encodeURIComponent(key)}`);
      const stranger = await fetch(url, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${await mintToken('double-secret', 'u2')}` },
      });
      expect(stranger.status).toBe(404);
      expect((await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
      const seen = await remoteDouble(doubleDefinition('media'), double.url).requests();
      expect(
        seen.map((r) => [r.operationId, r.status, r.authorization === undefined ? 'none' : (r.sub ?? 'refused')]),
      ).toEqual([
        ['uploadMedia', 401, 'none'],
        ['uploadMedia', 401, 'refused'],
        ['uploadMedia', 201, 'u1'],
        ['deleteMedia', 404, 'u2'],
        ['deleteMedia', 204, 'u1'],
      ]);
      expect(seen[2]!.authorization).toBe(`Bearer ${token}`);
    } finally {
      await double.close();
    }
  });
});
