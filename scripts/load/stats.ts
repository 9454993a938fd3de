import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/** One answered (or failed) request of a load step. */
export interface Outcome {
  step: string;
  /** HTTP status, or 0 when no response came (connection refused or reset, timeout) */
  status: number;
  ms: number;
  /** set when status is 0: what went wrong at the transport */
  transport?: string;
  /** the problem type of a non-2xx answer, when it was problem+json */
  problemType?: string;
  retryAfter?: string | null;
  /** Date.now() when the request was sent */
  at: number;
}

interface StepStats {
  count: number;
  ok: number;
  byStatus: Map<number, number>;
  latency: RecordableHistogram;
}

/** Per-step counters and latency histograms (Node's HdrHistogram, microsecond resolution). */
export class LoadStats {
  readonly steps = new Map<string, StepStats>();
  readonly outcomes: Outcome[] = [];

  record(outcome: Outcome): void {
    this.outcomes.push(outcome);
    let s = this.steps.get(outcome.step);
    if (!s) this.steps.set(outcome.step, (s = { count: 0, ok: 0, byStatus: new Map(), latency: createHistogram() }));
    s.count++;
    if (outcome.status >= 200 && outcome.status < 300) s.ok++;
    s.byStatus.set(outcome.status, (s.byStatus.get(outcome.status) ?? 0) + 1);
    s.latency.record(Math.max(1, Math.round(outcome.ms * 1000)));
  }

  /** Forgets what was recorded (the seed's requests are not part of the measured run). */
  reset(): void {
    this.steps.clear();
    this.outcomes.length = 0;
  }

  get total(): number {
    return this.outcomes.length;
  }

  /** A markdown table: per step, requests, rate, 2xx, other statuses, p50/p95/p99 in ms. */
  table(seconds: number): string {
    const ms = (h: RecordableHistogram, p: number) => (h.percentile(p) / 1000).toFixed(1);
    const lines = [
      '| step | requests | req/s | 2xx | other statuses | p50 ms | p95 ms | p99 ms |',
      '|---|---:|---:|---:|---|---:|---:|---:|',
    ];
    for (const [name, s] of [...this.steps].sort(([a], [b]) => a.localeCompare(b))) {
      const other =
        [...s.byStatus]
          .filter(([status]) => status < 200 || status >= 300)
          .map(([status, n]) => `${status === 0 ? 'transport' : status}×${n}`)
          .join(' ') || '-';
      lines.push(
        `| ${name} | ${s.count} | ${(s.count / seconds).toFixed(1)} | ${s.ok} | ${other} | ${ms(s.latency, 50)} | ${ms(s.latency, 95)} | ${ms(s.latency, 99)} |`,
      );
    }
    return lines.join('\n');
  }
}
