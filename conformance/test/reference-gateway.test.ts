import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/run.ts';
import { expectAllPass } from './harness/expect-run.ts';

describe('the suite against the reference behind its gateway (embedded defaults)', () => {
  it('passes every check, and covers every service in the token matrix', { timeout: 300_000 }, async () => {
    const result = await runConformance({ concurrency: 8 });
    expect(result.target.startedReference).toBe(true);
    expectAllPass(result);
    const services = new Set(result.observations.filter((o) => o.kind === 'token-matrix').map((o) => o.data.service));
    expect([...services].sort()).toEqual(['chats', 'feed', 'feedback', 'media', 'notifications', 'posts', 'users']);
    // Every check ran against at least one target (a check with nothing to do proves nothing), except the event
    // checks, which say why they did not run.
    expect(result.checks.filter((c) => c.targets.length === 0).map((c) => `${c.id}: ${c.reason}`)).toEqual(['events.emitted: not selected: needs --kafka-brokers']);
  });
});
