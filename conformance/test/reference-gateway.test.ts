import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/run.ts';
import { expectAllPass } from './harness/expect-run.ts';
import { expectReadmeColumn } from './harness/readme-matrix.ts';

describe('the suite against the reference behind its gateway (embedded defaults)', () => {
  it('passes every check, and covers every service in the token matrix', { timeout: 300_000 }, async () => {
    const result = await runConformance({ concurrency: 8 });
    expect(result.target.startedReference).toBe(true);
    expectAllPass(result);
    expectReadmeColumn(result, 'reference');
    const services = new Set(result.observations.filter((o) => o.kind === 'token-matrix').map((o) => o.data.service));
    expect([...services].sort()).toEqual(['chats', 'feed', 'feedback', 'media', 'notifications', 'posts', 'users']);
    // Every check ran against at least one target (a check with nothing to do proves nothing), except those that
    // need the event side, which say why they did not run.
    for (const c of result.checks.filter((c) => c.targets.length === 0)) {
      expect(`${c.id}: ${c.status} ${c.reason}`).toBe(`${c.id}: skipped not selected: needs --kafka-brokers`);
      expect(c.id === 'events.emitted' || c.tags.includes('needs:events')).toBe(true);
    }
  });
});
