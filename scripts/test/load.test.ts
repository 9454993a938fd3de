// The load run (`npm run load`, scripts/load) in the suite: a short smoke on the embedded defaults, and PostgreSQL
// restarted mid-run on a cluster of the test's own. Asserts the invariants the run checks, never its timings.
import { describe, expect, it } from 'vitest';
import { runLoad, type LoadReport } from '../load/load.ts';
import { withPostgres } from '../testing/infra.ts';

async function load(options: Parameters<typeof runLoad>[0]): Promise<{ report: LoadReport; output: string }> {
  const lines: string[] = [];
  const report = await runLoad({ ...options, log: (line) => lines.push(line) });
  return { report, output: lines.join('\n') };
}

describe('load smoke on the embedded defaults (PGlite, embedded broker)', () => {
  it('10 s of the mixed open-model workload: no error, every invariant holds', { timeout: 300_000 }, async () => {
    const { report, output } = await load({ durationSeconds: 10, rate: 3 });
    expect(
      report.invariants.filter((i) => !i.ok),
      output,
    ).toEqual([]);
    expect(report.errors, output).toBe(0);
    expect(report.requests, output).toBeGreaterThan(20);
    expect(output).toContain('errors=0');
    expect(output).toMatch(/invariants: all \d+ hold/);
  });
});

withPostgres('load with PostgreSQL restarted mid-run (scripts/infra/postgres.sh, a cluster of its own)', () => {
  it(
    'requests during the outage get problem+json 503, the reference recovers, no 2xx write is lost',
    { timeout: 600_000 },
    async () => {
      const { report, output } = await load({
        durationSeconds: 20,
        rate: 3,
        fault: 'postgres-restart',
        faultPort: Number(process.env.LOAD_FAULT_PG_PORT ?? 5433),
      });
      expect(
        report.invariants.filter((i) => !i.ok),
        output,
      ).toEqual([]);
      expect(report.unavailable, output).toBeGreaterThan(0);
      expect(output).toContain('fault: PostgreSQL back');
    },
  );
});
