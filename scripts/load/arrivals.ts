/**
 * An open-model arrival process (k6's constant-arrival-rate, Artillery's arrivalRate): sessions start at a fixed rate
 * whether or not earlier ones have finished, so a slow server meets the same offered load instead of a politely
 * waiting client (no coordinated omission). Sessions beyond `maxInFlight` are not started and counted as dropped,
 * as k6 counts dropped iterations.
 */
export interface ArrivalResult {
  started: number;
  dropped: number;
}

export async function runArrivals(options: {
  ratePerSecond: number;
  durationMs: number;
  maxInFlight: number;
  /** one session; errors it throws are the caller's to record (a rejected session is counted, not rethrown) */
  session: (index: number) => Promise<void>;
  /** a point in time during the run (ms from start) and what to do then, e.g. a fault */
  at?: { ms: number; run: () => void };
  /** ends the arrivals early (the sessions in flight finish) */
  signal?: AbortSignal;
}): Promise<ArrivalResult> {
  const interval = 1000 / options.ratePerSecond;
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  let started = 0;
  let dropped = 0;
  let firedAt = false;
  for (let i = 0; ; i++) {
    const due = start + i * interval;
    if (due - start >= options.durationMs || options.signal?.aborted) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (options.at && !firedAt && performance.now() - start >= options.at.ms) {
      firedAt = true;
      options.at.run();
    }
    if (inFlight.size >= options.maxInFlight) {
      dropped++;
      continue;
    }
    started++;
    const p: Promise<void> = options
      .session(i)
      .catch(() => undefined)
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return { started, dropped };
}
