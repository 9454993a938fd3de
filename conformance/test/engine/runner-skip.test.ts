import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/engine/check.ts';
import { runConformance } from '../../src/run.ts';

// The runner, not each check, skips an operation whose service has no URL: the check's own code never runs for it,
// and the reason is the one the console summary parses ("no URL for service X") to name the option that fixes it.
describe('the runner skips targets a service URL cannot reach', () => {
  it('runs a check only on the operations of services with a URL, and skips the rest with the reason', async () => {
    const ran: string[] = [];
    const probe = defineCheck({
      id: 'contract.runner-probe',
      title: 'records which operations it ran on',
      clause: 'SN-ERROR-SHAPE',
      tags: ['contract'],
      failure: 'never fails',
      targets: (spec) => spec.operations,
      async run(_ctx, op) {
        ran.push(op.service);
      },
    });
    const result = await runConformance({
      services: { feedback: 'http://127.0.0.1:1' },
      jwtSecret: 'x',
      checks: [probe],
    });
    const targets = result.checks[0]!.targets;
    expect(new Set(ran)).toEqual(new Set(['feedback']));
    expect(targets.filter((t) => t.status === 'pass').every((t) => t.service === 'feedback')).toBe(true);
    const skipped = targets.filter((t) => t.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    for (const t of skipped) expect(t.reason).toBe(`no URL for service ${t.service}`);
    expect(skipped.length + ran.length).toBe(targets.length);
  });
});
